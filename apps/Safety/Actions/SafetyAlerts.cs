using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>
/// The app's side of the alert service: raising and resolving never throw and never hold up an action (the alert
/// service's own contract says so; this also covers a host that registers none, where the alert is logged only).
/// </summary>
internal sealed partial class SafetyAlerts(IAlerts? alerts, ILogger logger, LogThrottle logThrottle)
{
    /// <summary>The app id alerts carry as their source.</summary>
    public const string Source = "safety";

    /// <summary>
    /// Raises (or updates) <paramref name="key"/>; the text is logged too, so it shows without any channel (once per
    /// <see cref="LogThrottle.Window"/> per key: a flapping sensor raises every time, but is not logged every time).
    /// </summary>
    public async Task RaiseAsync(
        string key, AlertSeverity severity, string kind, string title, string message,
        IReadOnlyDictionary<string, object?>? values = null, IReadOnlyList<AlertAction>? actions = null)
    {
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

    /// <summary>Resolves <paramref name="key"/> (its cause is gone).</summary>
    public async Task ResolveAsync(string key)
    {
        if (alerts is null)
        {
            return;
        }

        try
        {
            await alerts.ResolveAsync(key).ConfigureAwait(false);
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
