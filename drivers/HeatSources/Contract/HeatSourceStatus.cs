namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>What a heat source is doing.</summary>
public enum HeatSourceStatus
{
    /// <summary>Switched off (no heating demand accepted).</summary>
    Off,

    /// <summary>Switched on but not producing heat right now (no demand, anti-cycling pause, defrost).</summary>
    Idle,

    /// <summary>Producing heat (compressor running, flame on).</summary>
    Running,

    /// <summary>Answering, but reporting a fault that stops it.</summary>
    Fault,

    /// <summary>Not answering.</summary>
    Unreachable,
}
