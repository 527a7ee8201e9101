using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Apps.Alarm.Reminders;

/// <summary>One thing left open or unlocked, and the action that fixes it from the notification (null for a door or
/// window contact: only a person can close those).</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Action">"Close the garage" or "Lock", or null.</param>
public sealed record Reminder(string EntityId, ReminderKind Kind, AlertAction? Action)
{
    /// <summary>The prefix of every reminder's alert key.</summary>
    public const string KeyPrefix = "alarm.reminder.";

    /// <summary>The alert's dedup key: one open alert per entity.</summary>
    public string Key => KeyPrefix + EntityId;

    /// <summary>The entity an alert key names, or null when the key is not a reminder's.</summary>
    public static string? EntityOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? key[KeyPrefix.Length..] : null;
}
