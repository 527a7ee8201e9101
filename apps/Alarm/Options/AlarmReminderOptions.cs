using System.Globalization;

namespace ProofOfHeat.Apps.Alarm.Options;

/// <summary>Reminders (<c>apps.alarm.reminders</c>): what is checked when the house is left and at night.</summary>
public sealed class AlarmReminderOptions
{
    /// <summary>Door contact sensors (binary_sensor, <c>on</c> is open).</summary>
    public IReadOnlyList<string> Doors { get; set; } = [];

    /// <summary>Window contact sensors (binary_sensor, <c>on</c> is open).</summary>
    public IReadOnlyList<string> Windows { get; set; } = [];

    /// <summary>Locks (<c>lock.*</c>); the reminder offers "Lock".</summary>
    public IReadOnlyList<string> Locks { get; set; } = [];

    /// <summary>Garage doors (<c>cover.*</c>); the reminder offers "Close the garage".</summary>
    public IReadOnlyList<string> Garages { get; set; } = [];

    /// <summary>Entities that say someone is home (<c>person.*</c>, <c>group.*</c>, <c>zone.home</c>): the house is left
    /// when none reads <c>home</c>/<c>on</c> or a positive count. Arming away counts as leaving too.</summary>
    public IReadOnlyList<string> Presence { get; set; } = [];

    /// <summary>The local time of the nightly check (<c>HH:mm</c>), or empty for none.</summary>
    public string NightAt { get; set; } = "22:30";

    /// <summary>The parsed <see cref="NightAt"/>, or null.</summary>
    public TimeOnly? NightTime =>
        string.IsNullOrWhiteSpace(NightAt) ? null : TimeOnly.ParseExact(NightAt, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whether anything is to be checked.</summary>
    public bool Any => Doors.Count + Windows.Count + Locks.Count + Garages.Count > 0;

    /// <summary>Throws when the reminders cannot work.</summary>
    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(NightAt)
            && !TimeOnly.TryParseExact(NightAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException($"apps.alarm.reminders: night_at '{NightAt}' is not a time of day like 22:30.");
        }

        Require(Locks, "lock.", "locks");
        Require(Garages, "cover.", "garages");
    }

    private static void Require(IReadOnlyList<string> ids, string prefix, string key)
    {
        if ((ids ?? []).FirstOrDefault(id => !id.StartsWith(prefix, StringComparison.Ordinal)) is { } wrong)
        {
            throw new ArgumentException($"apps.alarm.reminders: {key} takes {prefix}* entities, not '{wrong}'.");
        }
    }
}
