using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Alarm.Options;

namespace ProofOfHeat.Apps.Alarm.Reminders;

/// <summary>
/// Which doors, windows, locks and garages need a reminder, from their HA states: a contact <c>on</c> is open
/// (binary_sensor door/window classes); a cover <c>open</c>/<c>opening</c> is open (developers.home-assistant.io/docs/core/entity/cover);
/// a lock that is not <c>locked</c>/<c>locking</c> is unlocked (developers.home-assistant.io/docs/core/entity/lock:
/// locked, locking, unlocked, unlocking, jammed, open, opening). An unavailable entity is no reading: no reminder.
/// </summary>
public static class ReminderPolicy
{
    /// <summary>The action offered for a garage: <c>cover.close_cover</c>.</summary>
    public static readonly AlertAction CloseGarage = new("close_garage", "Close the garage");

    /// <summary>The action offered for a lock: <c>lock.lock</c>.</summary>
    public static readonly AlertAction Lock = new("lock", "Lock");

    private static readonly HashSet<string> OpenCover = new(StringComparer.Ordinal) { "open", "opening" };
    private static readonly HashSet<string> NotLocked = new(StringComparer.Ordinal) { "unlocked", "unlocking", "jammed", "open", "opening" };

    /// <summary>Everything configured that is open or unlocked now.</summary>
    public static IReadOnlyList<Reminder> Due(AlarmReminderOptions options, Func<string, EntityState?> read)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(read);
        var due = new List<Reminder>();
        due.AddRange(options.Doors.Where(id => IsOpenContact(read(id))).Select(id => new Reminder(id, ReminderKind.DoorOpen, null)));
        due.AddRange(options.Windows.Where(id => IsOpenContact(read(id))).Select(id => new Reminder(id, ReminderKind.WindowOpen, null)));
        due.AddRange(options.Locks.Where(id => read(id)?.State is { } s && NotLocked.Contains(s)).Select(id => new Reminder(id, ReminderKind.Unlocked, Lock)));
        due.AddRange(options.Garages.Where(id => read(id)?.State is { } s && OpenCover.Contains(s)).Select(id => new Reminder(id, ReminderKind.GarageOpen, CloseGarage)));
        return due;
    }

    /// <summary>Whether a reminded entity is fixed now (closed or locked), so its alert can be resolved.</summary>
    public static bool IsSettled(string entityId, EntityState? state) => state?.State switch
    {
        null => false,
        _ when entityId.StartsWith("lock.", StringComparison.Ordinal) => state.State == "locked",
        _ when entityId.StartsWith("cover.", StringComparison.Ordinal) => state.State == "closed",
        _ => state.AsBinary() == BinarySensorState.Off,
    };

    /// <summary>
    /// Whether someone is home by <paramref name="presence"/>: a person, device tracker or group reading <c>home</c>
    /// (or <c>on</c>), or a zone counting more than zero people (HA's zone state is the number of persons in it).
    /// Null when nothing reads (none configured, or all unavailable).
    /// </summary>
    public static bool? SomeoneHome(IReadOnlyList<string> presence, Func<string, EntityState?> read)
    {
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(read);
        var readings = presence.Select(read).Where(s => s is { IsUnavailable: false }).ToList();
        if (readings.Count == 0)
        {
            return null;
        }

        return readings.Any(s => s!.State is "home" or "on" || s.AsNumber() > 0);
    }

    private static bool IsOpenContact(EntityState? state) => state?.AsBinary() == BinarySensorState.On;

    /// <summary>The alert for one reminder.</summary>
    public static AlertRequest Alert(Reminder reminder, string occasion)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var what = reminder.Kind switch
        {
            ReminderKind.DoorOpen => "door is open",
            ReminderKind.WindowOpen => "window is open",
            ReminderKind.Unlocked => "lock is unlocked",
            _ => "garage is open",
        };
        return new AlertRequest(
            reminder.Key,
            AlertSeverity.Warning,
            AlarmApp.AppId,
            "alarm.reminder",
            $"Reminder: {reminder.EntityId} {what}",
            $"{reminder.EntityId}: the {what} {occasion}.",
            new Dictionary<string, object?> { ["entity_id"] = reminder.EntityId, ["kind"] = reminder.Kind.ToString(), ["occasion"] = occasion },
            reminder.Action is { } action ? [action] : null);
    }
}
