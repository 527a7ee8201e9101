namespace ProofOfHeat.Apps.Alarm.Policy;

/// <summary>Where the alarm is, whatever the mode.</summary>
public enum AlarmPhase
{
    /// <summary>Off.</summary>
    Disarmed,

    /// <summary>The exit delay runs: time to leave; sensors are not watched yet.</summary>
    Arming,

    /// <summary>Watching the mode's sensors.</summary>
    Armed,

    /// <summary>The entry delay runs: a delayed sensor opened; disarm before it ends.</summary>
    Pending,

    /// <summary>The siren sounds and people are told.</summary>
    Triggered,
}
