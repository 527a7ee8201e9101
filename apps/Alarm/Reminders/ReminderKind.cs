namespace ProofOfHeat.Apps.Alarm.Reminders;

/// <summary>What was left open or unlocked.</summary>
public enum ReminderKind
{
    /// <summary>A door contact reads open.</summary>
    DoorOpen,

    /// <summary>A window contact reads open.</summary>
    WindowOpen,

    /// <summary>A lock is not locked.</summary>
    Unlocked,

    /// <summary>A garage door is open.</summary>
    GarageOpen,
}
