using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>
/// Write-behind persistence of open alerts. Raising, acknowledging and resolving only record the alert's latest state
/// per key in memory (a dictionary write under a lock); one batch of those states goes to the <see cref="IAlertStore"/>
/// at most <see cref="FlushEvery"/> after the first unsaved change, in one call (one SQLite transaction in the host).
/// So a sensor flapping 1,000 times a second costs the disk one write per key per interval, and no caller (a safety
/// rule closing a valve) ever waits on the disk.
/// <para>
/// Durability: <see cref="FlushAsync"/> at a clean stop writes everything accepted before it, so nothing is lost on a
/// clean stop; on a crash (SIGKILL, power cut) at most the changes of the last <see cref="FlushEvery"/> are lost — the
/// alerts are raised again by their rules when the brain comes back and sees the same states. A store that throws keeps
/// its batch pending (newer states win) and is tried again next interval; a store that hangs holds only one flush,
/// while changes keep coalescing in memory, one entry per key.
/// </para>
/// </summary>
public sealed partial class AlertWriteBehind : IDisposable
{
    /// <summary>How long an accepted change waits at most before it is written (on a crash, at most this much is lost).</summary>
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    private readonly IAlertStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<string, Alert?> _pending = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private bool _stopped;
    private bool _failing;
    private long _batches;

    /// <summary>Creates the writer; nothing runs until the first change.</summary>
    public AlertWriteBehind(IAlertStore store, TimeProvider timeProvider, ILogger logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Batches handed to the store successfully so far.</summary>
    public long BatchesWritten => Interlocked.Read(ref _batches);

    /// <summary>Keys whose latest state is not written yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Keeps <paramref name="alert"/> (open) as its key's latest state; never blocks on the store.</summary>
    public void Save(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Put(alert.Key, alert);
    }

    /// <summary>Forgets <paramref name="key"/> (resolved) at the next flush; never blocks on the store.</summary>
    public void Remove(string key) => Put(key, null);

    /// <summary>
    /// Writes every change accepted so far, after a flush already running (the stop path calls this). A failure is logged
    /// and the changes stay pending; cancellation leaves them pending too.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Stops the interval timer (after a final <see cref="FlushAsync"/>, on stop); later changes are kept in memory only.</summary>
    /// <remarks>The flush semaphore is left to the GC: a timer's flush may still be releasing it, and it holds no handle
    /// unless its AvailableWaitHandle is read, which nothing here does.</remarks>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Put(string key, Alert? alert)
    {
        lock (_gate)
        {
            _pending[key] = alert;
            ArmTimer();
        }
    }

    // Caller holds _gate. One-shot: a change waits at most one interval, and an idle brain runs no timer.
    private void ArmTimer()
    {
        if (_timer is null && !_stopped)
        {
            _timer = _time.CreateTimer(static state => _ = ((AlertWriteBehind)state!).FlushOnTimerAsync(), this, FlushEvery, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushOnTimerAsync()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }

        // A flush still running (a slow or hung store): do not queue behind it; try again next interval.
        if (!_flushing.Wait(0))
        {
            lock (_gate)
            {
                ArmTimer();
            }

            return;
        }

        try
        {
            await WriteBatchAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    // Caller holds _flushing.
    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, Alert?> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = new Dictionary<string, Alert?>(StringComparer.Ordinal);
        }

        try
        {
            await _store.ApplyAsync([.. batch.Select(p => new AlertStoreChange(p.Key, p.Value))], cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _batches);
            if (_failing)
            {
                _failing = false;
                LogStoreRecovered(_logger);
            }
        }
#pragma warning disable CA1031 // The store's fault (disk full, locked, cancelled at stop) must never reach a rule: keep the batch, retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                foreach (var (key, alert) in batch)
                {
                    // A newer state accepted while the batch was out wins over the failed one.
                    _pending.TryAdd(key, alert);
                }

                ArmTimer();
            }

            if (!_failing && ex is not OperationCanceledException)
            {
                // Once per failing streak: a broken disk would otherwise log every second.
                _failing = true;
                LogStoreFailed(_logger, batch.Count, ex);
            }
        }
    }

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The alert store could not write {Count} alert(s); they stay in memory and are tried again every second")]
    private static partial void LogStoreFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "The alert store writes again")]
    private static partial void LogStoreRecovered(ILogger logger);
}
