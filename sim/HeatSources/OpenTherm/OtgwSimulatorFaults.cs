namespace ProofOfHeat.Sim.HeatSources.OpenTherm;

/// <summary>Misbehaviour the simulated gateway can be switched into.</summary>
public sealed class OtgwSimulatorFaults
{
    private volatile bool _garbage;
    private volatile bool _silent;
    private volatile string? _rejectWith;
    private volatile bool _boilerRefusesSetpoint;
    private volatile bool _ignoreCommands;

    /// <summary>Noise between the lines: binary junk, half reports, overlong runs without a line end, bad parity.</summary>
    public bool Garbage { get => _garbage; set => _garbage = value; }

    /// <summary>The gateway says nothing: no reports and no replies (a hung ESP, a dead serial link).</summary>
    public bool Silent { get => _silent; set => _silent = value; }

    /// <summary>Every command is answered with this error code (e.g. "NG", "OR") instead of being carried out; null for none.</summary>
    public string? RejectCommandsWith { get => _rejectWith; set => _rejectWith = value; }

    /// <summary>
    /// The gateway takes CS, but the boiler answers the control setpoint with Data-Invalid and keeps its own
    /// (a boiler that ignores remote setpoints): only the B lines tell.
    /// </summary>
    public bool BoilerRefusesSetpoint { get => _boilerRefusesSetpoint; set => _boilerRefusesSetpoint = value; }

    /// <summary>Commands are acknowledged as if carried out, but nothing changes (a firmware bug): only the B lines tell.</summary>
    public bool IgnoreCommands { get => _ignoreCommands; set => _ignoreCommands = value; }

    /// <summary>Clears every fault.</summary>
    public void Clear()
    {
        _garbage = _silent = _boilerRefusesSetpoint = _ignoreCommands = false;
        _rejectWith = null;
    }
}
