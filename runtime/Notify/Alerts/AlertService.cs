using System.Reactive.Subjects;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>
/// The brain's <see cref="IAlerts"/>: holds open alerts (kept across restarts in an <see cref="IAlertStore"/>), dedups
/// by key, rate-limits per key, holds non-critical alerts in quiet hours, repeats and escalates unacknowledged critical
/// ones, audits every change, and queues what to tell people for the <see cref="AlertDispatcher"/>. Raising never
/// waits for a channel (the queue is bounded and drops its oldest entry when the sender cannot keep up) nor for the
/// disk (<see cref="AlertWriteBehind"/>): a rule that raises on its event path, as the leak rule does, is not slowed.
/// </summary>
public sealed partial class AlertService : IAlerts, IDisposable, IAsyncDisposable
{
    /// <summary>How long a stop waits at most for the last write of open alerts.</summary>
    public static readonly TimeSpan StopFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly NotifyOptions _options;
    private readonly IAlertStore _store;
    private readonly AlertWriteBehind _persisted;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<AlertDelivery> _queue;
    private readonly Subject<AlertActionInvoked> _actions = new();
    private readonly Dictionary<string, TrackedAlert> _open = new(StringComparer.Ordinal);
    private readonly NotificationRateLimiter _limiter;
    private readonly Lock _gate = new();
    private ITimer? _quietRelease;
    private long _dropped;

    /// <summary>Creates the service; call <see cref="RestoreAsync"/> once before use (the dispatcher does on start).</summary>
    public AlertService(NotifyOptions options, IAlertStore store, IAuditTrail audit, TimeProvider timeProvider, ILogger<AlertService> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _limiter = new NotificationRateLimiter(options.MaxNotificationsPerKey, options.RateWindow);
        _persisted = new AlertWriteBehind(store, timeProvider, logger);
        _queue = Channel.CreateBounded<AlertDelivery>(
            new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>What the sender reads.</summary>
    public ChannelReader<AlertDelivery> Deliveries => _queue.Reader;

    /// <summary>Deliveries dropped because the queue was full.</summary>
    public long DroppedDeliveries => Interlocked.Read(ref _dropped);

    /// <summary>The write-behind persistence of open alerts (its counters; the stop path flushes it).</summary>
    public AlertWriteBehind Persistence => _persisted;

    /// <inheritdoc />
    public IObservable<AlertActionInvoked> ActionsInvoked => _actions;

    /// <inheritdoc />
    public IReadOnlyList<Alert> Open
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Values.Select(t => t.Alert).OrderByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt)];
            }
        }
    }

    /// <summary>Takes back the alerts open before a restart; unacknowledged critical ones resume repeating.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Alert> stored;
        try
        {
            stored = await _store.LoadOpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(_logger, "load", ex);
            return;
        }

        lock (_gate)
        {
            foreach (var alert in stored.Where(a => a.State != AlertState.Resolved && !_open.ContainsKey(a.Key)))
            {
                var tracked = new TrackedAlert(alert) { Notified = true };
                _open[alert.Key] = tracked;
                if (alert.Severity == AlertSeverity.Critical && alert.State == AlertState.Raised)
                {
                    StartRepeats(tracked, _options.RepeatEvery);
                }
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        Alert alert;
        lock (_gate)
        {
            if (_open.TryGetValue(request.Key, out var existing))
            {
                // Dedup: the same cause again updates what is held and tells nobody.
                existing.Alert = existing.Alert with { Request = request };
                return ValueTask.FromResult(existing.Alert);
            }

            alert = new Alert(Guid.NewGuid().ToString("N")[..10], request, AlertState.Raised, now, now);
            var tracked = new TrackedAlert(alert);
            _open[request.Key] = tracked;
            if (request.Severity != AlertSeverity.Critical && IsQuiet(now))
            {
                tracked.Held = true;
                ScheduleQuietRelease(now);
                Publish(new AlertDelivery(alert, AlertDeliveryKind.Raised, 0, NotifyPeople: false));
            }
            else
            {
                tracked.Notified = _limiter.TryTake(request.Key, now);
                Publish(new AlertDelivery(alert, AlertDeliveryKind.Raised, 0, tracked.Notified));
            }

            if (request.Severity == AlertSeverity.Critical)
            {
                StartRepeats(tracked, _options.RepeatEvery);
            }
        }

        Audit("app:" + request.Source, "alert_raised", alert, request.Title, "ok");
        _persisted.Save(alert);
        return ValueTask.FromResult(alert);
    }

    /// <inheritdoc />
    public ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default)
    {
        Alert resolved;
        lock (_gate)
        {
            if (!_open.Remove(key, out var tracked))
            {
                return ValueTask.CompletedTask;
            }

            tracked.StopRepeats();
            resolved = tracked.Alert with { State = AlertState.Resolved, ChangedAt = _time.GetUtcNow() };
            Publish(new AlertDelivery(resolved, AlertDeliveryKind.Resolved, tracked.Level, tracked.Notified));
        }

        Audit("app:" + resolved.Request.Source, "alert_resolved", resolved, null, "ok");
        _persisted.Remove(key);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        Alert acknowledged;
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var tracked))
            {
                return ValueTask.FromResult(false);
            }

            if (tracked.Alert.State == AlertState.Acknowledged)
            {
                return ValueTask.FromResult(true);
            }

            tracked.StopRepeats();
            tracked.Held = false;
            acknowledged = tracked.Alert = tracked.Alert with { State = AlertState.Acknowledged, ChangedAt = _time.GetUtcNow(), By = by };
            Publish(new AlertDelivery(acknowledged, AlertDeliveryKind.Acknowledged, tracked.Level, tracked.Notified));
        }

        Audit(by, "alert_acknowledged", acknowledged, null, "ok");
        _persisted.Save(acknowledged);
        return ValueTask.FromResult(true);
    }

    /// <summary>Writes every alert change accepted so far to the store (the dispatcher calls it when the host stops).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _persisted.FlushAsync(cancellationToken);

    /// <summary>Holds the open alert with <paramref name="key"/> for the snooze time, then tells people again if still unanswered.</summary>
    public bool Snooze(string key, string by)
    {
        Alert alert;
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var tracked) || tracked.Alert.State != AlertState.Raised)
            {
                return false;
            }

            StartRepeats(tracked, _options.SnoozeFor);
            alert = tracked.Alert;
        }

        Audit(by, "alert_snoozed", alert, $"for {_options.SnoozeFor}", "ok");
        return true;
    }

    /// <summary>Passes a rule's own action to the raising app; false when the alert is not open or has no such action.</summary>
    public bool InvokeAction(string key, string actionId, string by)
    {
        Alert? alert;
        lock (_gate)
        {
            alert = _open.TryGetValue(key, out var tracked) ? tracked.Alert : null;
        }

        if (alert?.Request.Actions?.Any(a => a.Id == actionId) != true)
        {
            return false;
        }

        Audit(by, "alert_action", alert, actionId, "ok");
        _actions.OnNext(new AlertActionInvoked(alert, actionId, by));
        return true;
    }

    /// <summary>The open alert with occurrence id <paramref name="id"/> (buttons carry the short id, not the key), or null.</summary>
    public Alert? FindById(string id)
    {
        lock (_gate)
        {
            return _open.Values.Select(t => t.Alert).FirstOrDefault(a => a.Id == id);
        }
    }

    /// <summary>Stops timers and the queue without writing what is pending; <see cref="DisposeAsync"/> writes it first.</summary>
    public void Dispose()
    {
        _persisted.Dispose();
        lock (_gate)
        {
            foreach (var tracked in _open.Values)
            {
                tracked.StopRepeats();
            }

            _quietRelease?.Dispose();
            StopRecordWindows();
        }

        _queue.Writer.TryComplete();
        _actions.Dispose();
    }

    /// <summary>Writes what is pending to the store (a clean stop loses nothing), then stops as <see cref="Dispose"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Bounded: a hung disk must not hang the brain's stop; what it held is then lost, as on a crash.
            await _persisted.FlushAsync(CancellationToken.None).WaitAsync(StopFlushTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogStopFlushTimedOut(_logger, _persisted.Pending);
        }

        Dispose();
    }
}
