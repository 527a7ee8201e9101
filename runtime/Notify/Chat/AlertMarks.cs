using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Chat;

/// <summary>The mark shown before an alert in chat.</summary>
public static class AlertMarks
{
    /// <summary>🚨 critical, ⚠️ warning, ℹ️ info.</summary>
    public static string Of(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "🚨",
        AlertSeverity.Warning => "⚠️",
        _ => "ℹ️",
    };
}
