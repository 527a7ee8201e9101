using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.Notify.Alerts;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// Reads HA's <c>mobile_app_notification_action</c> event (fired when a notification button is tapped; its
/// <c>data.action</c> is the id we sent, actionable.md) and acknowledges, snoozes or passes the rule's action on.
/// </summary>
public sealed class MobileAppActionHandler(AlertService alerts)
{
    /// <summary>The HA event type the host must subscribe to.</summary>
    public const string EventType = "mobile_app_notification_action";

    /// <summary>Handles one event; true when it was one of ours and acted on.</summary>
    public async ValueTask<bool> HandleAsync(HomeEvent homeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(homeEvent);
        if (homeEvent.EventType != EventType || homeEvent.Data.ValueKind != JsonValueKind.Object
            || !homeEvent.Data.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String
            || MobileActionId.TryParse(action.GetString()) is not { } id
            || alerts.FindById(id.AlertId) is not { } alert)
        {
            return false;
        }

        var by = "ha:mobile_app:" + id.Person;
        return id.Verb switch
        {
            "ack" => await alerts.AcknowledgeAsync(alert.Key, by, cancellationToken).ConfigureAwait(false),
            "snooze" => alerts.Snooze(alert.Key, by),
            "act" => alerts.InvokeAction(alert.Key, id.ActionId!, by),
            _ => false,
        };
    }
}
