using System.Threading.Channels;
using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Host.Storage.Audit;

/// <summary>
/// The durable <see cref="IAuditTrail"/>: <see cref="Record"/> only queues (a bounded channel; when full the entry is
/// counted as dropped and never waited for), and one background writer drains the queue into the store in batches,
/// then prunes what is past the retention every <see cref="PruneEvery"/> on the injected clock. A safety action that
/// records is therefore never delayed by the disk. The writer has its own thread: each batch's commit waits for an
/// fsync (synchronous=FULL), and on a thread-pool worker that wait took one of the pool's few workers (two on a
/// two-core box) away from the apps' event handlers, which then queued behind it (profiled in bench/Mqtt/README.md,
/// issue 11). Entries that arrive during one commit form the next batch, so the disk sees one commit per fsync time
/// however fast entries come. Disposing drains what was queued, then stops.
/// </summary>
internal sealed partial class DurableAuditTrail : IAuditTrail, IAsyncDisposable
{
    /// <summary>How many entries wait at most; beyond it new ones are dropped (and counted).</summary>
    public const int QueueCapacity = 10_000;

    /// <summary>How long a reason or detail may be in the trail, characters.</summary>
    public const int MaxTextLength = 300;

    /// <summary>How often retention is applied.</summary>
    public static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private const int BatchSize = 256;
    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IAuditStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly int _maxRows;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private long _dropped;
    private long _written;
    private DateTimeOffset _lastPrune;

    /// <summary>Starts the writer.</summary>
    /// <param name="store">Where entries go.</param>
    /// <param name="time">The clock for pruning.</param>
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
        var kept = entry with { Reason = Cut(entry.Reason), Detail = Cut(entry.Detail), Target = Cut(entry.Target)! };
        if (!_queue.Writer.TryWrite(kept))
        {
            // Full (the disk is stuck) or closed (shutting down): never wait, never throw.
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>The entries since <paramref name="since"/>, newest first (what the API answers).</summary>
    public IReadOnlyList<AuditEntry> Read(DateTimeOffset since, int limit) => _store.Read(since, limit);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        (_store as IDisposable)?.Dispose();
    }

    private static string? Cut(string? text) =>
        text is { Length: > MaxTextLength } ? string.Concat(text.AsSpan(0, MaxTextLength), "…") : text;

    private void WriteLoop()
    {
        var batch = new List<AuditEntry>(BatchSize);
        // Blocking here is the point: this thread is the writer's own, and the wait ends when an entry is queued.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            Write(batch);
            batch.Clear();
            PruneWhenDue();
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
