using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>
/// The app's side of the alert service: raising and resolving never throw and never hold up an action (the alert
/// service's own contract says so; this also covers a host that registers none, where the alert is logged only).
/// A cleared cause resolves its alert only once it has stayed away for <see cref="ResolveHold"/>: a sensor flapping
/// wet and dry keeps one open alert (each raise in between is the alert service's dedup: an update that tells
/// nobody), where it would otherwise raise and resolve, notify, audit and persist on every flap (issue 11: "a flapping
/// sensor never spams"). Only alerts wait; every command is sent at once.
/// </summary>
internal sealed partial class SafetyAlerts(IAlerts? alerts, ILogger logger, LogThrottle logThrottle, TimeProvider time) : IDisposable
{
    /// <summary>The app id alerts carry as their source.</summary>
    public const string Source = "safety";

    /// <summary>How long a cleared cause must stay away before its alert is resolved.</summary>
    public static readonly TimeSpan ResolveHold = TimeSpan.FromSeconds(5);

    // Per key with a resolve pending: when its cause cleared, and the one timer that looks again at the end of the hold.
    // A raise in between removes the key; a flap's clear only moves the time, so a flap costs no timer of its own.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset ClearedAt, ITimer? Timer)> _clearing = new(StringComparer.Ordinal);

    /// <summary>
    /// Raises (or updates) <paramref name="key"/>; the text is logged too, so it shows without any channel (once per
    /// <see cref="LogThrottle.Window"/> per key: a flapping sensor raises every time, but is not logged every time).
    /// </summary>
    public async Task RaiseAsync(
        string key, AlertSeverity severity, string kind, string title, string message,
        IReadOnlyDictionary<string, object?>? values = null, IReadOnlyList<AlertAction>? actions = null)
    {
        KeepOpen(key);
        if (logThrottle.TryTake("alert." + key, out var skipped))
        {
            LogAlert(logger, severity, title, message, key);
            if (skipped > 0)
            {
                LogAlertsNotLogged(logger, key, skipped);
            }
        }

        if (alerts is null)
        {
            return;
        }

        try
        {
            await alerts.RaiseAsync(new AlertRequest(key, severity, Source, kind, title, message, values, actions)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A notification channel's fault must never stop a safety action.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogAlertFailed(logger, key, e.Message);
        }
    }

    /// <summary>Resolves <paramref name="key"/> (its cause is gone) once it has stayed gone for <see cref="ResolveHold"/>.</summary>
    public Task ResolveAsync(string key)
    {
        if (alerts is null)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_clearing.TryGetValue(key, out var pending))
            {
                _clearing[key] = (now, pending.Timer);
                return Task.CompletedTask;
            }

            var timer = time.CreateTimer(_ => ResolveWhenHeld(key), null, ResolveHold, Timeout.InfiniteTimeSpan);
            _clearing[key] = (now, timer);
        }

        return Task.CompletedTask;
    }

    /// <summary>Resolves at once what waits for its hold (the app stops: its cleared causes must not stay open).</summary>
    public void Dispose()
    {
        List<string> keys;
        lock (_gate)
        {
            keys = [.. _clearing.Keys];
            foreach (var (_, timer) in _clearing.Values)
            {
                timer?.Dispose();
            }

            _clearing.Clear();
        }

        foreach (var key in keys)
        {
            _ = ResolveNowAsync(key);
        }
    }

    private void KeepOpen(string key)
    {
        lock (_gate)
        {
            if (_clearing.Remove(key, out var pending))
            {
                pending.Timer?.Dispose();
            }
        }
    }

    private void ResolveWhenHeld(string key)
    {
        lock (_gate)
        {
            if (!_clearing.TryGetValue(key, out var pending))
            {
                return;
            }

            var left = pending.ClearedAt + ResolveHold - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                // Cleared again since the timer was set (the sensor flapped): look again when that clear has held.
                pending.Timer?.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }

            _clearing.Remove(key);
            pending.Timer?.Dispose();
        }

        _ = ResolveNowAsync(key);
    }

    private async Task ResolveNowAsync(string key)
    {
        try
        {
            await alerts!.ResolveAsync(key).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // As above.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogAlertFailed(logger, key, e.Message);
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "ALERT ({Severity}) {Title}: {Message} [{Key}]")]
    private static partial void LogAlert(ILogger logger, AlertSeverity severity, string title, string message, string key);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Alert {Key} was raised {Skipped} more time(s) since its last logged line; each went to the alert service, not logged one by one")]
    private static partial void LogAlertsNotLogged(ILogger logger, string key, int skipped);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "The alert {Key} could not be handed to the alert service: {Reason}")]
    private static partial void LogAlertFailed(ILogger logger, string key, string reason);
}
