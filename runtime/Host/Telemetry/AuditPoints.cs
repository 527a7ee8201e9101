using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// What an audit entry becomes in telemetry. The trail is where every device command is written (the apps' HA service
/// calls, the fleet's miner commands, the MQTT entities' commands from HA, the safety app's actuations), and the alert
/// service writes each raise, acknowledgement and resolution there too, so it is the one tap for both tables:
/// <list type="bullet">
/// <item><c>alert_raised</c>, <c>alert_acknowledged</c>, <c>alert_resolved</c>, <c>alert_snoozed</c> → table
/// <c>alert</c>: symbols <c>severity</c> (the first word of the entry's detail, <c>"&lt;severity&gt; &lt;kind&gt;"</c>) and
/// <c>app</c> (the actor's name after <c>app:</c>, for a raise or resolve; <c>-</c> when a person acted), fields
/// <c>key</c>, <c>message</c> (the reason: the alert's title on a raise; else <c>state: key</c>) and <c>state</c>.</item>
/// <item>any other entry but a request to the brain itself (<c>api_change</c>, <c>telegram_command</c>: the device
/// commands they cause are audited on their own) → table <c>command</c>: symbol <c>target</c>, fields <c>action</c>,
/// <c>by</c>, <c>correlation_id</c>, <c>ok</c>, <c>value</c> (the detail) and <c>outcome</c> (the result).</item>
/// </list>
/// </summary>
internal static class AuditPoints
{
    private const string AlertPrefix = "alert_";
    private const string AppActor = "app:";

    // Results that say the command did not take effect (now): the apps' `failed: …`, the MQTT entities' `rejected`, the
    // safety actuator's `superseded` and `cancelled: …`, the fleet's dwell guard's `deferred: …`. Anything else (ok,
    // confirmed, accepted, the fleet's `sent: applied (…)`, `noop: …`) did.
    private static readonly string[] NotOk = ["failed", "refused", "rejected", "error", "deferred", "cancelled", "superseded"];

    /// <summary>The point for <paramref name="entry"/>, or null when it is not a command or an alert.</summary>
    public static TelemetryPoint? From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Action.StartsWith(AlertPrefix, StringComparison.Ordinal))
        {
            return Alert(entry);
        }

        if (entry.Action is "api_change" or "telegram_command")
        {
            return null;
        }

        var ok = !NotOk.Any(word => entry.Result.StartsWith(word, StringComparison.OrdinalIgnoreCase));
        return new TelemetryPoint("command", entry.At, [new("target", entry.Target)],
        [
            TelemetryField.Of("action", entry.Action),
            TelemetryField.Of("by", entry.Actor),
            TelemetryField.Of("correlation_id", entry.CorrelationId),
            TelemetryField.Of("ok", ok),
            TelemetryField.Of("value", entry.Detail ?? string.Empty),
            TelemetryField.Of("outcome", entry.Result),
        ]);
    }

    private static TelemetryPoint Alert(AuditEntry entry)
    {
        var detail = entry.Detail ?? string.Empty;
        var space = detail.IndexOf(' ', StringComparison.Ordinal);
        var severity = space > 0 ? detail[..space] : detail.Length > 0 ? detail : "unknown";
        var app = entry.Actor.StartsWith(AppActor, StringComparison.Ordinal) ? entry.Actor[AppActor.Length..] : "-";
        var state = entry.Action[AlertPrefix.Length..];
        return new TelemetryPoint("alert", entry.At, [new("severity", severity.ToLowerInvariant()), new("app", app)],
        [
            TelemetryField.Of("key", entry.Target),
            TelemetryField.Of("message", entry.Reason ?? $"{state}: {entry.Target}"),
            TelemetryField.Of("state", state),
        ]);
    }
}
