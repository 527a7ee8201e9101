using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.OutboxChild;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.TestKit.QuestDb;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

/// <summary>
/// The outbox's promise end to end: QuestDB down for a simulated day, the recording process killed with SIGKILL in
/// the middle of it, a new process on the same outbox, then QuestDB back with faults (a commit whose answer is lost
/// among them): every recorded point is stored exactly once.
/// </summary>
public sealed class OutboxCrashTests : IAsyncLifetime
{
    private const int SecondsPerDay = 86_400;
    private const int Half = SecondsPerDay / 2;
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("poh-crash-").FullName;
    private FakeQuestDb _questDb = null!;

    public Task InitializeAsync()
    {
        _questDb = FakeQuestDb.Start();
        _questDb.IsDown = true;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _questDb.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_day_with_the_sink_down_and_a_kill_in_the_middle_stores_every_point_exactly_once()
    {
        // First half of the day: a child process records, QuestDB is down; it is killed once all of it is durable
        // (and while its delivery keeps retrying).
        var durable = await RecordInChildAndKillAsync(first: 0, count: Half);
        Assert.Equal(Half, durable);
        Assert.True(_questDb.Requests > 0, "the child's delivery never tried the sink");
        Assert.Null(_questDb.Table("miner"));

        // Second half: a new pipeline on the same outbox, QuestDB still down, the fake clock run through the day.
        var time = new FakeTimeProvider(Day.AddSeconds(Half));
        using var sink = new IlpHttpSink(new IlpHttpOptions { Address = _questDb.Address, RequestTimeout = TimeSpan.FromDays(20) }, time, NullLogger.Instance);
        await using var pipeline = new TelemetryPipeline(
            new OutboxOptions { Directory = _directory, SegmentBytes = 64 * 1024 },
            new RecorderOptions { CommitInterval = TimeSpan.Zero },
            [(sink, new DeliveryOptions { FlushRows = 5000, FlushInterval = TimeSpan.FromSeconds(1) })],
            time,
            NullLoggerFactory.Instance);
        for (var i = Half; i < SecondsPerDay; i++)
        {
            pipeline.Recorder.Record(OutboxChildPoints.At(Day, i));
            if (i % 3600 == 0)
            {
                time.Advance(TimeSpan.FromHours(1));
            }
        }

        await pipeline.Recorder.FlushAsync(CancellationToken.None);
        Assert.Equal(Half, pipeline.Recorder.DurablePoints);
        Assert.Equal(SecondsPerDay, pipeline.Outbox.Pending("questdb"));

        // QuestDB is back, with faults on the first requests: a lost answer after a commit, a 500, a drop before commit.
        _questDb.FailNext(FakeQuestDbFault.DropAfterCommit);
        _questDb.FailNext(FakeQuestDbFault.ServerError);
        _questDb.FailNext(FakeQuestDbFault.DropBeforeCommit);
        _questDb.IsDown = false;
        var delivery = pipeline.Deliveries[0];
        try
        {
            await Eventually.TrueAsync(() => delivery.DeliveredPoints >= SecondsPerDay, time, TimeSpan.FromSeconds(30), within: TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"delivered {delivery.DeliveredPoints}, failed attempts {delivery.FailedAttempts}, failing {delivery.IsFailing}, " +
                $"requests {_questDb.Requests}, writes {_questDb.WriteRequests}, 400s {_questDb.BadRequests}, rejected {delivery.RejectedPoints}");
        }

        Assert.Equal(0, pipeline.Outbox.Pending("questdb"));

        var table = _questDb.Table("miner")!;
        var indexes = table.Rows.Select(r => (long)r["index"]).Order().ToList();
        Assert.Equal(Enumerable.Range(0, SecondsPerDay).Select(i => (long)i), indexes);
        Assert.True(table.DeduplicatedRows > 0, "the lost answer should have made a batch arrive twice");
        Assert.All(table.Rows, r => Assert.Equal(IndexTimestamp((long)r["index"]), (long)r["timestamp"]));
        Assert.Equal(0, pipeline.Outbox.DroppedPoints);
    }

    private static long IndexTimestamp(long index) => (Day.ToUnixTimeSeconds() + index) * 1_000_000_000;

    private async Task<int> RecordInChildAndKillAsync(int first, int count)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "ProofOfHeat.Telemetry.OutboxChild.dll");
        var start = new ProcessStartInfo("dotnet", [child, _directory, _questDb.Address.ToString(),
            first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture),
            Day.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var durable = 0;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                if (line.StartsWith("durable ", StringComparison.Ordinal))
                {
                    durable = int.Parse(line["durable ".Length..], CultureInfo.InvariantCulture);
                }
                else if (line == "done")
                {
                    break;
                }
            }

            // Let the child's delivery hit the down sink at least once before the kill.
            await Eventually.TrueAsync(() => _questDb.Requests > 0);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.True(process.ExitCode != 0, await process.StandardError.ReadToEndAsync());
        return durable;
    }
}
