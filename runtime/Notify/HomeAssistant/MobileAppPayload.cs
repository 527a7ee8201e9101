using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// The service data of <c>notify.mobile_app_&lt;device&gt;</c> for an alert, in the companion app's documented shapes
/// (companion.home-assistant docs/notifications/{basic,actionable,critical}.md, github.com/home-assistant/companion.home-assistant).
/// </summary>
public static class MobileAppPayload
{
    /// <summary>The notification group every alert joins.</summary>
    public const string Group = "poh_alerts";

    /// <summary>The tag of an alert's notification: a later one with the same tag replaces it, and clears it.</summary>
    public static string Tag(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return "poh_" + alert.Id;
    }

    /// <summary>A notification with Acknowledge, the rule's own actions and Snooze; critical alerts with the critical options.</summary>
    public static Dictionary<string, object?> Alert(Alert alert, RenderedAlert text, AlertWords words, string person)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        // Android shows only the first 3 actions (actionable.md), so Acknowledge and the rule's remedy come first.
        var actions = new List<Dictionary<string, object?>>
        {
            Action(new MobileActionId("ack", alert.Id, person), words.Acknowledge),
        };
        actions.AddRange((alert.Request.Actions ?? []).Select(a => Action(new MobileActionId("act", alert.Id, person, a.Id), a.Title)));
        actions.Add(Action(new MobileActionId("snooze", alert.Id, person), words.Snooze));

        var data = new Dictionary<string, object?>
        {
            ["tag"] = Tag(alert),
            ["group"] = Group,
            ["actions"] = actions,
        };
        if (alert.Severity == AlertSeverity.Critical)
        {
            // critical.md: iOS bypasses mute and Do Not Disturb with push.sound.critical = 1 (and interruption-level
            // critical); Android delivers at once with ttl 0 + priority high and rings on silent on channel alarm_stream.
            data["push"] = new Dictionary<string, object?>
            {
                ["sound"] = new Dictionary<string, object?> { ["name"] = "default", ["critical"] = 1, ["volume"] = 1.0 },
                ["interruption-level"] = "critical",
            };
            data["ttl"] = 0;
            data["priority"] = "high";
            data["channel"] = "alarm_stream";
        }

        return new Dictionary<string, object?>
        {
            ["title"] = text.Title,
            ["message"] = text.Message,
            ["data"] = data,
        };
    }

    /// <summary>Removes the alert's notification from the phone: <c>message: clear_notification</c> with its tag (basic.md).</summary>
    public static Dictionary<string, object?> Clear(Alert alert) => new()
    {
        ["message"] = "clear_notification",
        ["data"] = new Dictionary<string, object?> { ["tag"] = Tag(alert) },
    };

    private static Dictionary<string, object?> Action(MobileActionId id, string title) => new()
    {
        ["action"] = id.ToString(),
        ["title"] = title,
    };
}
