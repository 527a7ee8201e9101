using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Host.Storage.Audit;

/// <summary>
/// The durable <see cref="IAuditTrail"/>: <see cref="Record"/> only queues (bounded; when full the entry is counted as
/// dropped and never waited for), and one background writer gathers what arrives for <see cref="GatherWindow"/> on the
/// injected clock, then writes it in batches of up to <see cref="MaxBatch"/> entries, one transaction each, and prunes
/// what is past the retention every <see cref="PruneEvery"/>. A safety action that records is therefore never delayed by
/// the disk, and a flapping sensor's thousands of entries a second cost a few commits a second, not one each. A clean
/// stop writes everything queued; a crash loses at most the last window. Readers see every entry already recorded:
/// <see cref="Read"/> writes the queued ones first (read-your-writes). The writer has its own thread: each commit waits
/// for an fsync (synchronous=FULL), and on a thread-pool worker that wait took one of the pool's few workers (two on a
/// two-core box) away from the apps' event handlers (profiled in bench/Mqtt/README.md, issue 11).
/// </summary>
internal sealed partial class DurableAuditTrail : IAuditTrail, IAsyncDisposable
{
    /// <summary>How many entries wait at most; beyond it new ones are dropped (and counted).</summary>
    public const int QueueCapacity = 10_000;

    /// <summary>How many entries one transaction writes at most.</summary>
    public const int MaxBatch = 1024;

    /// <summary>How long a reason or detail may be in the trail, characters.</summary>
    public const int MaxTextLength = 300;

    /// <summary>How long the writer gathers entries before it writes them (unless a whole batch is there sooner).</summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(200);

    /// <summary>How often retention is applied.</summary>
    public static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly IAuditStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly int _maxRows;
    private readonly ILogger _logger;
    private readonly Task _writer;

    // The queue: Record adds under _queueGate; the writer and Read's flush take from it under _writeGate, so one batch
    // at a time goes to the store and a flush returns only once everything queued before it is written.
    private readonly Lock _queueGate = new();
    private readonly Queue<AuditEntry> _queued = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private TaskCompletionSource _batchFull = NewSignal();
    private bool _stopping;
    private readonly Lock _writeGate = new();
    private readonly List<AuditEntry> _batch = new(MaxBatch);

    private long _dropped;
    private long _written;
    private DateTimeOffset _lastPrune;

    /// <summary>Starts the writer.</summary>
    /// <param name="store">Where entries go.</param>
    /// <param name="time">The clock for the gather window and pruning.</param>
    /// <param name="retention">How long entries are kept.</param>
    /// <param name="maxRows">How many entries are kept at most.</param>
    /// <param name="logger">Where write failures go.</param>
    public DurableAuditTrail(IAuditStore store, TimeProvider time, TimeSpan retention, int maxRows, ILogger<DurableAuditTrail> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _time = time;
        _retention = retention;
        _maxRows = maxRows;
        _logger = logger;
        // Prune once at start (a brain that was off for months comes back within its limits).
        _lastPrune = DateTimeOffset.MinValue;
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Entries not kept because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Entries written to the store.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kept = IsLong(entry.Reason) || IsLong(entry.Detail) || IsLong(entry.Target)
            ? entry with { Reason = Cut(entry.Reason), Detail = Cut(entry.Detail), Target = Cut(entry.Target)! }
            : entry;
        bool first;
        lock (_queueGate)
        {
            if (_stopping || _queued.Count >= QueueCapacity)
            {
                // Full (the disk is stuck) or stopped: never wait, never throw.
                Interlocked.Increment(ref _dropped);
                return;
            }

            _queued.Enqueue(kept);
            first = _queued.Count == 1;
            if (_queued.Count == MaxBatch)
            {
                _batchFull.TrySetResult();
            }
        }

        if (first)
        {
            _arrived.Release();
        }
    }

    /// <summary>
    /// The entries since <paramref name="since"/>, newest first (what the API answers), including every entry recorded
    /// before the call: what is still queued is written first.
    /// </summary>
    public IReadOnlyList<AuditEntry> Read(DateTimeOffset since, int limit)
    {
        WriteQueued();
        return _store.Read(since, limit);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_queueGate)
        {
            _stopping = true;
            _batchFull.TrySetResult();
        }

        _arrived.Release();
        await _writer.ConfigureAwait(false);
        _arrived.Dispose();
        (_store as IDisposable)?.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static bool IsLong(string? text) => text is { Length: > MaxTextLength };

    private static string? Cut(string? text) =>
        IsLong(text) ? string.Concat(text.AsSpan(0, MaxTextLength), "…") : text;

    private void WriteLoop()
    {
        // Blocking here is the point: this thread is the writer's own.
        while (true)
        {
            _arrived.Wait();
            Task batchFull;
            bool stopping;
            lock (_queueGate)
            {
                stopping = _stopping;
                if (_batchFull.Task.IsCompleted && !stopping)
                {
                    _batchFull = NewSignal();
                }

                batchFull = _queued.Count >= MaxBatch || stopping ? Task.CompletedTask : _batchFull.Task;
            }

            if (!stopping)
            {
                // The window on the injected clock, cut short by a whole batch or the stop. The delay is not cancelled
                // when cut short (a cancelled delay throws inside the runtime); it ends on its own a moment later.
                Task.WaitAny(Task.Delay(GatherWindow, _time), batchFull);
            }

            WriteQueued();
            PruneWhenDue();
            if (stopping)
            {
                return;
            }
        }
    }

    /// <summary>Writes everything queued, a batch per transaction; returns once all of it is in the store.</summary>
    private void WriteQueued()
    {
        lock (_writeGate)
        {
            while (true)
            {
                lock (_queueGate)
                {
                    while (_batch.Count < MaxBatch && _queued.TryDequeue(out var entry))
                    {
                        _batch.Add(entry);
                    }
                }

                if (_batch.Count == 0)
                {
                    return;
                }

                Write(_batch);
                _batch.Clear();
            }
        }
    }

    private void Write(List<AuditEntry> batch)
    {
        try
        {
            _store.Append(batch);
            Interlocked.Add(ref _written, batch.Count);
        }
#pragma warning disable CA1031 // The writer must outlive a failing disk: the batch is lost and said so, the next one is tried.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref _dropped, batch.Count);
            LogWriteFailed(_logger, ex, batch.Count);
        }
    }

    private void PruneWhenDue()
    {
        lock (_writeGate)
        {
            Prune();
        }
    }

    private void Prune()
    {
        var now = _time.GetUtcNow();
        if (now - _lastPrune < PruneEvery)
        {
            return;
        }

        _lastPrune = now;
        try
        {
            var pruned = _store.Prune(now - _retention, _maxRows);
            if (pruned > 0)
            {
                LogPruned(_logger, pruned);
            }
        }
#pragma warning disable CA1031 // Same as writing: a failed prune is retried at the next interval.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPruneFailed(_logger, ex);
        }
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Error, Message = "Audit trail: {Count} entries could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, int count);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Information, Message = "Audit trail: {Count} entries past the retention deleted")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Warning, Message = "Audit trail: pruning failed")]
    private static partial void LogPruneFailed(ILogger logger, Exception ex);
}
