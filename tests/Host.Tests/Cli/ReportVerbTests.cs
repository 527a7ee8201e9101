using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Telemetry.Store;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Cli;

public sealed class ReportVerbTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly FakeTimeProvider _time = new(Day.AddHours(30));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Report_prints_the_days_from_the_store_in_the_data_directory_as_markdown()
    {
        var data = _dir.Combine("data");
        using (var store = TelemetryStore.Open(data, new TelemetryStoreOptions(), _time))
        {
            (string, string)[] hp = [("source", "hp"), ("kind", "heat_pump"), ("carrier", "electricity")];
            await store.WriteAsync(
            [
                Point("price", Day, [], TelemetryField.Of("electricity_per_kwh", 0.25)),
                Point("source", Day.AddHours(2), hp, TelemetryField.Of("power_w", 1000.0), TelemetryField.Of("heat_w", 4000.0)),
                Point("source", Day.AddHours(2.5), hp, TelemetryField.Of("power_w", 0.0), TelemetryField.Of("heat_w", 0.0)),
            ], CancellationToken.None);
        }

        var code = await Run("report", "--since", "1d", "--data", data);

        Assert.Equal((ExitCodes.Ok, string.Empty), (code, _error.ToString()));
        var lines = _out.ToString().Split('\n');
        // 4 kW for half an hour is 2 kWh of heat; 1 kW for half an hour at 0.25 is 0.125.
        Assert.Contains("| 2026-12-01 | 2.00 | 0.13 | 0.00 | 0.00 | 0.13 | 0.063 | 0.00 | 0 |", lines);
        Assert.Contains("| 2026-12-02 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | – | 0.00 | 0 |", lines);
    }

    [Fact]
    public async Task Report_without_a_store_says_where_it_looked_and_exits_1()
    {
        var code = await Run("report", "--data", _dir.Path);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains($"no telemetry store at {Path.Combine(_dir.Path, "telemetry.db")}", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "telemetry.db")));
    }

    [Fact]
    public async Task Report_with_a_bad_since_is_a_usage_error()
    {
        var code = await Run("report", "--since", "a week");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--since `a week` is not valid", _error.ToString(), StringComparison.Ordinal);
    }

    private static TelemetryPoint Point(string table, DateTimeOffset at, (string Key, string Value)[] symbols, params TelemetryField[] fields) =>
        new(table, at, [.. symbols.Select(s => KeyValuePair.Create(s.Key, s.Value))], fields);

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(args, new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, _time, AppCatalog.Shipped()), CancellationToken.None);
}
