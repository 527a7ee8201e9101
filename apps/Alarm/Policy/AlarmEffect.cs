namespace ProofOfHeat.Apps.Alarm.Policy;

/// <summary>What the app must do after a decision, besides showing the new state.</summary>
public enum AlarmEffect
{
    /// <summary>Switch the sirens on.</summary>
    SirenOn,

    /// <summary>Switch the sirens off.</summary>
    SirenOff,

    /// <summary>Raise the critical intrusion alert.</summary>
    RaiseIntrusionAlert,

    /// <summary>Resolve the intrusion alert (the alarm was disarmed).</summary>
    ResolveIntrusionAlert,
}
