using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.Telemetry.Sinks;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.QuestDb;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

public sealed class QuestDbSinkTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("poh-questdb-").FullName;
    private readonly FakeTimeProvider _time = new(Day);
    private FakeQuestDb _questDb = null!;

    public Task InitializeAsync()
    {
        _questDb = FakeQuestDb.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _questDb.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static TelemetryPoint Miner(int second, double power) => new(
        "miner", Day.AddSeconds(second), [new("miner", "s19"), new("family", "braiins")],
        [TelemetryField.Of("power_w", power), TelemetryField.Of("chips", 189L), TelemetryField.Of("mining", true), TelemetryField.Of("mode", "heat")]);

    private IlpHttpSink Sink(ILogger? logger = null) =>
        new(IlpConfigString.Parse($"http::addr=127.0.0.1:{_questDb.Port};auto_flush_rows=100;auto_flush_interval=1000;request_timeout=2000000000;"), _time, logger ?? NullLogger.Instance);

    private TelemetryPipeline Pipeline(ITelemetrySink sink) => new(
        new OutboxOptions { Directory = _directory },
        new RecorderOptions { CommitInterval = TimeSpan.Zero },
        [(sink, new DeliveryOptions { FlushRows = 100, FlushInterval = TimeSpan.FromSeconds(1) })],
        _time,
        NullLoggerFactory.Instance);

    [Fact]
    public async Task Rows_land_with_their_types_in_a_table_created_with_dedup_keys()
    {
        using var sink = Sink();

        await sink.WriteAsync([Miner(0, 3250.5), Miner(1, 3100)], CancellationToken.None);

        var table = _questDb.Table("miner")!;
        Assert.Equal(["timestamp", "miner", "family"], table.DedupKeys);
        Assert.Equal(FakeQuestDbColumnType.Symbol, table.Columns["miner"]);
        Assert.Equal(FakeQuestDbColumnType.Double, table.Columns["power_w"]);
        Assert.Equal(FakeQuestDbColumnType.Long, table.Columns["chips"]);
        Assert.Equal(FakeQuestDbColumnType.Boolean, table.Columns["mining"]);
        Assert.Equal(FakeQuestDbColumnType.Varchar, table.Columns["mode"]);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(3250.5, table.Rows[0]["power_w"]);
        Assert.Equal(189L, table.Rows[0]["chips"]);
        Assert.Equal((Day.ToUnixTimeSeconds() + 1) * 1_000_000_000, table.Rows[1]["timestamp"]);
    }

    [Fact]
    public async Task A_400_is_not_retried_its_line_is_logged_once_and_the_other_lines_are_stored()
    {
        using var logs = new CapturingLoggerProvider();
        using var sink = Sink(logs.CreateLogger("sink"));
        await sink.WriteAsync([Miner(0, 1)], CancellationToken.None);
        var bad = new TelemetryPoint("miner", Day.AddSeconds(2), [new("miner", "s19"), new("family", "braiins")], [TelemetryField.Of("power_w", "lots")]);

        await sink.WriteAsync([Miner(1, 2), bad, Miner(3, 4)], CancellationToken.None);

        Assert.Equal(1, _questDb.BadRequests);
        Assert.Equal(1, _questDb.ReceivedBodies.Count(b => b.Contains("power_w=\"lots\"", StringComparison.Ordinal)));
        Assert.Equal(1, sink.RejectedLines);
        var error = Assert.Single(logs.AtLeast(LogLevel.Error));
        Assert.Contains("power_w=\"lots\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("cast error", error.Message, StringComparison.Ordinal);
        Assert.Equal([1.0, 2.0, 4.0], _questDb.Table("miner")!.Rows.Select(r => (double)r["power_w"]));
    }

    [Theory]
    [InlineData(FakeQuestDbFault.ServerError)]
    [InlineData(FakeQuestDbFault.Unavailable)]
    [InlineData(FakeQuestDbFault.DropBeforeCommit)]
    public async Task Server_errors_and_dropped_connections_are_retried_until_stored(FakeQuestDbFault fault)
    {
        using var sink = Sink();
        await using var pipeline = Pipeline(sink);
        _questDb.FailNext(fault);
        _questDb.FailNext(fault);
        for (var i = 0; i < 100; i++)
        {
            pipeline.Recorder.Record(Miner(i, i));
        }

        await Eventually.TrueAsync(() => _questDb.Table("miner")?.Rows.Count == 100, _time, TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, pipeline.Deliveries[0].FailedAttempts);
        Assert.Equal(3, _questDb.WriteRequests);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (double)i), _questDb.Table("miner")!.Rows.Select(r => (double)r["power_w"]));
    }

    [Fact]
    public async Task A_batch_committed_but_never_acknowledged_is_sent_again_and_stored_once()
    {
        using var sink = Sink();
        await using var pipeline = Pipeline(sink);
        _questDb.FailNext(FakeQuestDbFault.DropAfterCommit);
        for (var i = 0; i < 100; i++)
        {
            pipeline.Recorder.Record(Miner(i, i));
        }

        await Eventually.TrueAsync(() => pipeline.Deliveries[0].DeliveredPoints == 100, _time, TimeSpan.FromMilliseconds(500));

        var table = _questDb.Table("miner")!;
        Assert.Equal(2, _questDb.WriteRequests);
        Assert.Equal(100, table.DeduplicatedRows);
        Assert.Equal(100, table.Rows.Count);
    }

    [Fact]
    public async Task Fewer_rows_than_the_flush_threshold_wait_for_the_flush_interval()
    {
        using var sink = Sink();
        await using var pipeline = Pipeline(sink);
        for (var i = 0; i < 5; i++)
        {
            pipeline.Recorder.Record(Miner(i, i));
        }

        await pipeline.Recorder.FlushAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _time.PendingTimerCount > 0);
        Assert.Equal(0, _questDb.WriteRequests);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _questDb.Table("miner")?.Rows.Count == 5);
        Assert.Equal(1, _questDb.WriteRequests);
    }
}
