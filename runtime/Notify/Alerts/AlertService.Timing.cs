using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>Repeats, escalation, quiet hours and the small helpers the service shares.</summary>
public sealed partial class AlertService
{
    // Caller holds _gate.
    private void StartRepeats(TrackedAlert tracked, TimeSpan firstIn)
    {
        tracked.StopRepeats();
        var period = tracked.Alert.Severity == AlertSeverity.Critical ? _options.RepeatEvery : Timeout.InfiniteTimeSpan;
        tracked.RepeatTimer = _time.CreateTimer(_ => Repeat(tracked), null, firstIn, period);
    }

    private void Repeat(TrackedAlert tracked)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(tracked.Alert.Key, out var current) || current != tracked || tracked.Alert.State != AlertState.Raised)
            {
                tracked.StopRepeats();
                return;
            }

            // Each unanswered repeat of a critical alert reaches one more level of people.
            if (tracked.Alert.Severity == AlertSeverity.Critical)
            {
                tracked.Level = Math.Min(tracked.Level + 1, _options.MaxLevel);
            }

            tracked.Notified = true;
            tracked.Held = false;
            Enqueue(new AlertDelivery(tracked.Alert, AlertDeliveryKind.Repeated, tracked.Level));
        }
    }

    private bool IsQuiet(DateTimeOffset now) =>
        _options.QuietHours is { } quiet && quiet.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _time.LocalTimeZone).DateTime));

    // Caller holds _gate.
    private void ScheduleQuietRelease(DateTimeOffset now)
    {
        if (_quietRelease is not null || _options.QuietHours is not { } quiet)
        {
            return;
        }

        var local = TimeZoneInfo.ConvertTime(now, _time.LocalTimeZone).DateTime;
        var due = quiet.NextEnd(local) - local;
        _quietRelease = _time.CreateTimer(_ => ReleaseHeld(), null, due, Timeout.InfiniteTimeSpan);
    }

    private void ReleaseHeld()
    {
        lock (_gate)
        {
            _quietRelease?.Dispose();
            _quietRelease = null;
            var now = _time.GetUtcNow();
            foreach (var tracked in _open.Values.Where(t => t.Held))
            {
                tracked.Held = false;
                tracked.Notified = _limiter.TryTake(tracked.Alert.Key, now);
                Publish(new AlertDelivery(tracked.Alert, AlertDeliveryKind.Raised, tracked.Level, tracked.Notified));
            }
        }
    }

    private void Enqueue(AlertDelivery delivery)
    {
        // DropOldest: TryWrite always succeeds while the writer is open; the drop is counted by the channel's callback.
        if (!_queue.Writer.TryWrite(delivery))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private void Audit(string actor, string action, Alert alert, string? reason, string result) =>
        _audit.Record(new AuditEntry(_time.GetUtcNow(), actor, action, alert.Key, reason, alert.Id, result, $"{alert.Severity} {alert.Request.Kind}"));

    [LoggerMessage(EventId = 7100, Level = LogLevel.Warning, Message = "The alert store could not {Operation}; alerts carry on in memory")]
    private static partial void LogStoreFailed(ILogger logger, string operation, Exception exception);
}
