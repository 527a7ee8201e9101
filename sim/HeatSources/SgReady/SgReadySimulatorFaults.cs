namespace ProofOfHeat.Sim.HeatSources.SgReady;

/// <summary>Misbehaviour the simulated relays can be switched into.</summary>
public sealed class SgReadySimulatorFaults
{
    private volatile bool _silent;
    private volatile bool _stuck;
    private volatile bool _refuse;

    /// <summary>The relays answer nothing (offline).</summary>
    public bool Silent { get => _silent; set => _silent = value; }

    /// <summary>The relays answer but do not switch (a welded contact, a power lock): they report their old state.</summary>
    public bool Stuck { get => _stuck; set => _stuck = value; }

    /// <summary>The relays refuse switching with {"Command":"Error"}.</summary>
    public bool Refuse { get => _refuse; set => _refuse = value; }
}
