namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// The <c>action</c> ids put on mobile app buttons and read back from <c>mobile_app_notification_action</c>.
/// The companion docs say actions are shared across notifications, so ids must be unique per alert
/// (companion.home-assistant docs/notifications/actionable.md); ours are <c>POH:&lt;verb&gt;:&lt;alert id&gt;:&lt;person&gt;[:&lt;action&gt;]</c>,
/// the person telling the audit who pressed.
/// </summary>
/// <param name="Verb"><c>ack</c>, <c>snooze</c> or <c>act</c>.</param>
/// <param name="AlertId">The alert occurrence id.</param>
/// <param name="Person">The person the notification went to.</param>
/// <param name="ActionId">For <c>act</c>: the rule's action id.</param>
public sealed record MobileActionId(string Verb, string AlertId, string Person, string? ActionId = null)
{
    private const string Prefix = "POH";

    /// <summary>The id as sent.</summary>
    public override string ToString() =>
        ActionId is null ? $"{Prefix}:{Verb}:{AlertId}:{Clean(Person)}" : $"{Prefix}:{Verb}:{AlertId}:{Clean(Person)}:{ActionId}";

    /// <summary>Reads an id sent by us, or null for any other action.</summary>
    public static MobileActionId? TryParse(string? action)
    {
        var parts = action?.Split(':', 5);
        if (parts is null || parts.Length < 4 || parts[0] != Prefix)
        {
            return null;
        }

        return parts[1] switch
        {
            "ack" or "snooze" when parts.Length == 4 => new MobileActionId(parts[1], parts[2], parts[3]),
            "act" when parts.Length == 5 && parts[4].Length > 0 => new MobileActionId(parts[1], parts[2], parts[3], parts[4]),
            _ => null,
        };
    }

    private static string Clean(string person) => person.Replace(':', '_');
}
