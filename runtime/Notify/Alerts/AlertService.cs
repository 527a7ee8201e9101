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
/// waits for a channel: the queue is bounded and drops its oldest entry when the sender cannot keep up.
/// </summary>
public sealed partial class AlertService : IAlerts, IDisposable
{
    private readonly NotifyOptions _options;
    private readonly IAlertStore _store;
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
        _queue = Channel.CreateBounded<AlertDelivery>(
            new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>What the sender reads.</summary>
    public ChannelReader<AlertDelivery> Deliveries => _queue.Reader;

    /// <summary>Deliveries dropped because the queue was full.</summary>
    public long DroppedDeliveries => Interlocked.Read(ref _dropped);

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
    public async ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default)
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
                return existing.Alert;
            }

            alert = new Alert(Guid.NewGuid().ToString("N")[..10], request, AlertState.Raised, now, now);
            var tracked = new TrackedAlert(alert);
            _open[request.Key] = tracked;
            if (request.Severity != AlertSeverity.Critical && IsQuiet(now))
            {
                tracked.Held = true;
                ScheduleQuietRelease(now);
                Enqueue(new AlertDelivery(alert, AlertDeliveryKind.Raised, 0, NotifyPeople: false));
            }
            else
            {
                tracked.Notified = _limiter.TryTake(request.Key, now);
                Enqueue(new AlertDelivery(alert, AlertDeliveryKind.Raised, 0, tracked.Notified));
            }

            if (request.Severity == AlertSeverity.Critical)
            {
                StartRepeats(tracked, _options.RepeatEvery);
            }
        }

        Audit("app:" + request.Source, "alert_raised", alert, request.Title, "ok");
        await SaveAsync(alert, cancellationToken).ConfigureAwait(false);
        return alert;
    }

    /// <inheritdoc />
    public async ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default)
    {
        Alert resolved;
        lock (_gate)
        {
            if (!_open.Remove(key, out var tracked))
            {
                return;
            }

            tracked.StopRepeats();
            resolved = tracked.Alert with { State = AlertState.Resolved, ChangedAt = _time.GetUtcNow() };
            Enqueue(new AlertDelivery(resolved, AlertDeliveryKind.Resolved, tracked.Level, tracked.Notified));
        }

        Audit("app:" + resolved.Request.Source, "alert_resolved", resolved, null, "ok");
        try
        {
            await _store.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(_logger, "remove", ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        Alert acknowledged;
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var tracked))
            {
                return false;
            }

            if (tracked.Alert.State == AlertState.Acknowledged)
            {
                return true;
            }

            tracked.StopRepeats();
            tracked.Held = false;
            acknowledged = tracked.Alert = tracked.Alert with { State = AlertState.Acknowledged, ChangedAt = _time.GetUtcNow(), By = by };
            Enqueue(new AlertDelivery(acknowledged, AlertDeliveryKind.Acknowledged, tracked.Level, tracked.Notified));
        }

        Audit(by, "alert_acknowledged", acknowledged, null, "ok");
        await SaveAsync(acknowledged, cancellationToken).ConfigureAwait(false);
        return true;
    }

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

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var tracked in _open.Values)
            {
                tracked.StopRepeats();
            }

            _quietRelease?.Dispose();
        }

        _queue.Writer.TryComplete();
        _actions.Dispose();
    }
}
