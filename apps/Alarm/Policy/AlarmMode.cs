namespace ProofOfHeat.Apps.Alarm.Policy;

/// <summary>How the house is armed; each mode watches its own sensors (HA's armed_home/away/night/vacation).</summary>
public enum AlarmMode
{
    /// <summary>People are in: doors and windows, not inside motion.</summary>
    Home,

    /// <summary>Nobody is in: everything.</summary>
    Away,

    /// <summary>People sleep: doors, windows, downstairs motion.</summary>
    Night,

    /// <summary>Away for days: everything, often with shorter delays.</summary>
    Vacation,
}
