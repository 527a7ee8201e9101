using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>
/// The app's side of the alert service: raising and resolving never throw and never hold up an action (the alert
/// service's own contract says so; this also covers a host that registers none, where the alert is logged only).
/// </summary>
internal sealed partial class SafetyAlerts(IAlerts? alerts, ILogger logger)
{
    /// <summary>The app id alerts carry as their source.</summary>
    public const string Source = "safety";

    /// <summary>Raises (or updates) <paramref name="key"/>; the text is logged too, so it shows without any channel.</summary>
    public async Task RaiseAsync(
        string key, AlertSeverity severity, string kind, string title, string message,
        IReadOnlyDictionary<string, object?>? values = null, IReadOnlyList<AlertAction>? actions = null)
    {
        LogAlert(logger, severity, title, message, key);
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

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "The alert {Key} could not be handed to the alert service: {Reason}")]
    private static partial void LogAlertFailed(ILogger logger, string key, string reason);
}
