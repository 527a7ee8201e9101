using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.QuestDb;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

/// <summary>Against a real InfluxDB 1.6 (influxd on free loopback ports): the points land with their types and escaping.</summary>
public sealed class InfluxDbSinkTests : IAsyncLifetime
{
    private const string Database = "poh";
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, 123, TimeSpan.Zero);
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync() => await _influx.DisposeAsync();

    private IlpHttpSink Sink(ILogger? logger = null) => new(
        new IlpHttpOptions { Address = _influx.Address, Kind = IlpServerKind.InfluxDb, Database = Database },
        TimeProvider.System,
        logger ?? NullLogger.Instance);

    [Fact]
    public async Task Points_land_with_integer_float_string_and_boolean_types_and_their_timestamp()
    {
        using var sink = Sink();

        await sink.WriteAsync(
            [new TelemetryPoint("miner", At, [new("miner", "s19"), new("family", "braiins")],
                [TelemetryField.Of("power_w", 3250.5), TelemetryField.Of("chips", 189L), TelemetryField.Of("mining", true), TelemetryField.Of("mode", "heat")])],
            CancellationToken.None);

        var fields = await _influx.QueryRawAsync(Database, "SHOW FIELD KEYS FROM miner");
        Assert.Contains("[\"chips\",\"integer\"]", fields, StringComparison.Ordinal);
        Assert.Contains("[\"power_w\",\"float\"]", fields, StringComparison.Ordinal);
        Assert.Contains("[\"mining\",\"boolean\"]", fields, StringComparison.Ordinal);
        Assert.Contains("[\"mode\",\"string\"]", fields, StringComparison.Ordinal);
        var row = Assert.Single(await _influx.QueryAsync(Database, "SELECT * FROM miner"));
        Assert.Equal(At.ToUnixTimeMilliseconds() * 1_000_000, row["time"].GetInt64());
        Assert.Equal(189, row["chips"].GetInt64());
        Assert.Equal(3250.5, row["power_w"].GetDouble());
        Assert.True(row["mining"].GetBoolean());
        Assert.Equal("heat", row["mode"].GetString());
        Assert.Equal("s19", row["miner"].GetString());
    }

    [Fact]
    public async Task Spaces_commas_equals_quotes_and_backslashes_survive_in_names_tags_and_strings()
    {
        using var sink = Sink();

        await sink.WriteAsync(
            [new TelemetryPoint("zone state", At, [new("zone name", "living room,=1")],
                [TelemetryField.Of("room temp", 21.5), TelemetryField.Of("note=x,y", "say \"hi\" \\ bye, a=b")])],
            CancellationToken.None);

        var row = Assert.Single(await _influx.QueryAsync(Database, "SELECT * FROM \"zone state\""));
        Assert.Equal("living room,=1", row["zone name"].GetString());
        Assert.Equal(21.5, row["room temp"].GetDouble());
        Assert.Equal("say \"hi\" \\ bye, a=b", row["note=x,y"].GetString());
    }

    [Fact]
    public async Task A_type_conflict_is_a_partial_write_logged_once_and_the_valid_points_are_kept()
    {
        using var logs = new CapturingLoggerProvider();
        using var sink = Sink(logs.CreateLogger("sink"));
        await sink.WriteAsync([Power(0, 1.5)], CancellationToken.None);
        var conflicting = new TelemetryPoint("price", At.AddSeconds(1), [new("source", "grid")], [TelemetryField.Of("eur_kwh", "expensive")]);

        await sink.WriteAsync([Power(2, 2.5), conflicting, Power(3, 3.5)], CancellationToken.None);

        var rows = await _influx.QueryAsync(Database, "SELECT eur_kwh FROM price");
        Assert.Equal([1.5, 2.5, 3.5], rows.Select(r => r["eur_kwh"].GetDouble()));
        Assert.Equal(1, sink.RejectedLines);
        var error = Assert.Single(logs.AtLeast(LogLevel.Error));
        Assert.Contains("field type conflict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_points_in_one_request_all_land()
    {
        using var sink = Sink();
        var points = Enumerable.Range(0, 5000)
            .Select(i => new TelemetryPoint("miner", At.AddSeconds(i), [new("miner", $"m{i % 4}")], [TelemetryField.Of("hashrate_ths", i * 0.5)]))
            .ToList();

        await sink.WriteAsync(points, CancellationToken.None);

        var count = Assert.Single(await _influx.QueryAsync(Database, "SELECT count(hashrate_ths) FROM miner"));
        Assert.Equal(5000, count["count"].GetInt64());
    }

    private static TelemetryPoint Power(int second, double price) =>
        new("price", At.AddSeconds(second), [new("source", "grid")], [TelemetryField.Of("eur_kwh", price)]);
}
