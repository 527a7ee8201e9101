using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Storage.Audit;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Storage;

/// <summary>Issue 11 item 3: the durable audit trail — survives a restart, filters by time, prunes, and never makes a recorder wait.</summary>
public sealed class DurableAuditTrailTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private string DbPath => _dir.Combine("data/audit.db");

    [Fact]
    public async Task Entries_SurviveARestartOfTheStore_WithEveryField()
    {
        var entry = new AuditEntry(_time.GetUtcNow(), "app:safety", "service_call", "valve.kitchen", "leak at kitchen sink", "abc123def456", "ok", "valve.close_valve");
        await using (var trail = Open())
        {
            trail.Record(entry);
            for (var i = 0; i < 499; i++)
            {
                trail.Record(entry with { CorrelationId = $"c{i}", At = entry.At.AddSeconds(-i - 1) });
            }
        }

        await using var reopened = Open();
        var read = reopened.Read(DateTimeOffset.MinValue, 1000);

        Assert.Equal(500, read.Count);
        Assert.Equal(entry, read[0]);
    }

    [Fact]
    public async Task Since_FiltersByTime_AsAnAgeOrAnIsoTime_NewestFirst()
    {
        var now = _time.GetUtcNow();
        await using (var trail = Open())
        {
            foreach (var age in new[] { TimeSpan.FromDays(10), TimeSpan.FromDays(2), TimeSpan.FromHours(1) })
            {
                trail.Record(new AuditEntry(now - age, "api:token:owner", "api_change", "PUT /api/state/x/y", null, $"age-{age.TotalHours}", "ok"));
            }
        }

        await using var reader = Open();
        Assert.Equal(["age-1", "age-48"], Ids(AuditQuery.Answer("7d", null, reader.Read, now)));
        Assert.Equal(["age-1"], Ids(AuditQuery.Answer("2026-12-07T10:00:00Z", null, reader.Read, now)));
        Assert.Equal(["age-1", "age-48", "age-240"], Ids(AuditQuery.Answer("30d", null, reader.Read, now)));
        Assert.Equal(["age-1"], Ids(AuditQuery.Answer("30d", "1", reader.Read, now)));
        Assert.Equal(["age-1"], Ids(AuditQuery.Answer(null, null, reader.Read, now)));
        Assert.Equal(400, AuditQuery.Answer("yesterday", null, reader.Read, now).Status);
        Assert.Equal(400, AuditQuery.Answer("7d", "0", reader.Read, now).Status);
        Assert.Equal(400, AuditQuery.Answer("7d", "100000", reader.Read, now).Status);
    }

    [Fact]
    public async Task Retention_PrunesByAge_AndByRows_OnTheInjectedClock()
    {
        var now = _time.GetUtcNow();
        await using (var trail = Open(retentionDays: 30, maxRows: 100))
        {
            trail.Record(new AuditEntry(now, "x", "y", "z", null, "first", "ok"));
        }

        await using (var trail = Open(retentionDays: 30, maxRows: 100))
        {
            // Written after the start's pruning ran: old and too many, until the next prune.
            await WaitWrittenAsync(trail, 1, () => trail.Record(new AuditEntry(now, "x", "y", "z", null, "second", "ok")));
            for (var i = 0; i < 10; i++)
            {
                trail.Record(new AuditEntry(now - TimeSpan.FromDays(40), "x", "y", "z", null, $"old{i}", "ok"));
            }

            for (var i = 0; i < 150; i++)
            {
                trail.Record(new AuditEntry(now.AddSeconds(i), "x", "y", "z", null, $"new{i}", "ok"));
            }

            await WrittenAsync(trail, 161);
            Assert.Equal(162, trail.Read(DateTimeOffset.MinValue, 1000).Count);

            // An hour on the trail's clock: the next batch prunes.
            _time.Advance(DurableAuditTrail.PruneEvery);
            await WaitWrittenAsync(trail, 162, () => trail.Record(new AuditEntry(_time.GetUtcNow(), "x", "y", "z", null, "trigger", "ok")));
            await Eventually.UntilAsync(() => trail.Read(DateTimeOffset.MinValue, 1000).Count <= 100, Safety, "the prune");
        }

        await using var reader = Open();
        var kept = reader.Read(DateTimeOffset.MinValue, 1000);
        Assert.Equal(100, kept.Count);
        Assert.DoesNotContain(kept, e => e.At < now - TimeSpan.FromDays(30));
        Assert.Equal("trigger", kept[0].CorrelationId);
    }

    [Fact]
    public async Task SlowDisk_NeverDelaysRecord_FullQueueDropsAndCounts()
    {
        using var stuck = new StuckStore();
        var trail = new DurableAuditTrail(stuck, _time, TimeSpan.FromDays(90), 1000, NullLogger<DurableAuditTrail>.Instance);
        const int Total = DurableAuditTrail.QueueCapacity * 2;

        // Every Record returns while the store is stuck on its first write; the whole run is bounded by the safety limit.
        await Task.Run(() =>
        {
            for (var i = 0; i < Total; i++)
            {
                trail.Record(new AuditEntry(_time.GetUtcNow(), "app:safety", "service_call", "valve.kitchen", null, $"c{i}", "ok"));
            }
        }).WaitAsync(Safety);

        Assert.True(stuck.Entered.Wait(Safety), "the writer reached the store");
        Assert.True(trail.Dropped >= Total - DurableAuditTrail.QueueCapacity - DurableAuditTrail.MaxBatch, $"dropped {trail.Dropped}");

        stuck.Release.Set();
        await trail.DisposeAsync().AsTask().WaitAsync(Safety);
        Assert.Equal(Total, trail.Written + trail.Dropped);
    }

    [Fact]
    public async Task Entries_AreGatheredForTheWindow_ThenWrittenInOneTransaction()
    {
        using var store = new CountingStore();
        await using var trail = new DurableAuditTrail(store, _time, TimeSpan.FromDays(90), 1000, NullLogger<DurableAuditTrail>.Instance);
        for (var i = 0; i < 3; i++)
        {
            trail.Record(new AuditEntry(_time.GetUtcNow(), "app:safety", "service_call", "valve.kitchen", null, $"c{i}", "ok"));
        }

        // The writer is waiting out its window on the injected clock: nothing is written before it ends.
        await Eventually.UntilAsync(() => _time.PendingTimerCount > 0, Safety, "the writer's window");
        Assert.Empty(store.Batches);

        _time.Advance(DurableAuditTrail.GatherWindow);
        await Eventually.UntilAsync(() => trail.Written == 3, Safety, "the window's batch");
        Assert.Equal([3], store.Batches);
    }

    [Fact]
    public async Task AWholeBatch_IsWrittenAtOnce_WithoutWaitingForTheWindow()
    {
        using var store = new CountingStore();
        await using var trail = new DurableAuditTrail(store, _time, TimeSpan.FromDays(90), 1000, NullLogger<DurableAuditTrail>.Instance);
        for (var i = 0; i < DurableAuditTrail.MaxBatch; i++)
        {
            trail.Record(new AuditEntry(_time.GetUtcNow(), "app:safety", "service_call", "valve.kitchen", null, $"c{i}", "ok"));
        }

        // The clock never moves: a whole batch is reason enough to write, in one transaction.
        await Eventually.UntilAsync(() => trail.Written == DurableAuditTrail.MaxBatch, Safety, "the whole batch");
        Assert.Equal([DurableAuditTrail.MaxBatch], store.Batches);
    }

    [Fact]
    public async Task Read_SeesEveryEntryAlreadyRecorded_EvenInsideTheWindow()
    {
        await using var trail = Open();
        trail.Record(new AuditEntry(_time.GetUtcNow(), "api:ha:owner", "alert_acknowledged", "safety.leak", null, "ack1", "ok"));

        // The clock never moves, so the writer's window never ends: the read itself writes what is queued.
        var read = trail.Read(DateTimeOffset.MinValue, 10);

        Assert.Equal("ack1", Assert.Single(read).CorrelationId);
        Assert.Equal(1, trail.Written);
    }

    private static List<string> Ids((int Status, object Body) answer)
    {
        Assert.Equal(200, answer.Status);
        var json = System.Text.Json.JsonSerializer.SerializeToElement(answer.Body);
        return json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("correlationId").GetString()!).ToList();
    }

    private async Task WaitWrittenAsync(DurableAuditTrail trail, long atLeast, Action record)
    {
        record();
        await WrittenAsync(trail, atLeast);
    }

    // The writer waits out its gather window on the fake clock: move the clock on whenever it waits.
    private async Task WrittenAsync(DurableAuditTrail trail, long atLeast) =>
        await Eventually.UntilAsync(
            () =>
            {
                if (_time.PendingTimerCount > 0)
                {
                    _time.Advance(DurableAuditTrail.GatherWindow);
                }

                return trail.Written >= atLeast;
            },
            Safety,
            "the entries written");

    private DurableAuditTrail Open(int retentionDays = 90, int maxRows = 200_000) =>
        new(SqliteAuditStore.Open(DbPath), _time, TimeSpan.FromDays(retentionDays), maxRows, NullLogger<DurableAuditTrail>.Instance);

    /// <summary>A store that only counts the entries of each transaction.</summary>
    private sealed class CountingStore : IAuditStore, IDisposable
    {
        private readonly ConcurrentQueue<int> _batches = new();

        public IReadOnlyList<int> Batches => [.. _batches];

        public void Append(IReadOnlyList<AuditEntry> entries) => _batches.Enqueue(entries.Count);

        public IReadOnlyList<AuditEntry> Read(DateTimeOffset since, int limit) => [];

        public int Prune(DateTimeOffset before, int keepRows) => 0;

        public void Dispose()
        {
        }
    }

    /// <summary>A disk that hangs on the first write until released (a stuck SD card).</summary>
    private sealed class StuckStore : IAuditStore, IDisposable
    {
        private int _count;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Append(IReadOnlyList<AuditEntry> entries)
        {
            Entered.Set();
            Release.Wait();
            Interlocked.Add(ref _count, entries.Count);
        }

        public IReadOnlyList<AuditEntry> Read(DateTimeOffset since, int limit) => [];

        public int Prune(DateTimeOffset before, int keepRows) => 0;

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
