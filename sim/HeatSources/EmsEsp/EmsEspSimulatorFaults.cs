namespace ProofOfHeat.Sim.HeatSources.EmsEsp;

/// <summary>Misbehaviour the simulated EMS-ESP can be switched into.</summary>
public sealed class EmsEspSimulatorFaults
{
    private volatile bool _garbage;
    private volatile bool _silent;
    private volatile bool _ignoreCommands;
    private volatile bool _refuseCommands;

    /// <summary>Every other publication is not JSON (a truncated buffer, binary junk).</summary>
    public bool Garbage { get => _garbage; set => _garbage = value; }

    /// <summary>Nothing is published and commands get no response (the gateway lost the EMS bus or hung).</summary>
    public bool Silent { get => _silent; set => _silent = value; }

    /// <summary>Commands are answered OK but the boiler does not take them.</summary>
    public bool IgnoreCommands { get => _ignoreCommands; set => _ignoreCommands = value; }

    /// <summary>Commands are answered with an error message (read-only mode) and not carried out.</summary>
    public bool RefuseCommands { get => _refuseCommands; set => _refuseCommands = value; }
}
