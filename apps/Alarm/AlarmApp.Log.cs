using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Apps.Alarm;

/// <summary>The alarm's log messages (never the code).</summary>
public sealed partial class AlarmApp
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Alarm {Action} by {By}: {Before} -> {After} ({Result})")]
    private static partial void LogDecision(ILogger logger, string action, string by, string before, string after, string result);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Alarm: took up HA's last state {State}")]
    private static partial void LogRestored(ILogger logger, string state);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Alarm: could not show the panel state: {Reason}")]
    private static partial void LogPanelFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Alarm alert {Severity} {Key}: {Title}")]
    private static partial void LogAlert(ILogger logger, AlertSeverity severity, string key, string title);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Alarm: raising alert {Key} failed ({Correlation}): {Reason}")]
    private static partial void LogAlertFailed(ILogger logger, string key, string correlation, string reason);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Alarm: {Domain}.{Service} on {Entity} {Result}")]
    private static partial void LogCallFailed(ILogger logger, string domain, string service, string entity, string result);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "Alarm: alert action {Action} on {Key} is not one of ours; ignored")]
    private static partial void LogUnknownAction(ILogger logger, string action, string key);
}
