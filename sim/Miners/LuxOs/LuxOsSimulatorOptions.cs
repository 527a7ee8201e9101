namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>How a simulated LuxOS miner is built.</summary>
public sealed record LuxOsSimulatorOptions
{
    /// <summary>The physics: an Antminer S19j Pro (the maker's spec sheet) unless set.</summary>
    public MinerHardwareSpec Hardware { get; init; } = new()
    {
        Model = "Antminer S19j Pro",
        NominalPowerWatts = 3050,
        MinimumPowerWatts = 1200,
        JoulesPerTerahash = 29.5,
    };

    /// <summary>The LUXminer version in every reply's Description.</summary>
    public string Version { get; init; } = "2024.1.26.143259-2d8448bf";

    /// <summary>The factory profile's frequency, MHz (the "default" profile runs at nameplate power).</summary>
    public int DefaultFrequencyMhz { get; init; } = 545;

    /// <summary>How many 25 MHz steps below the default exist as profiles.</summary>
    public int StepsBelowDefault { get; init; } = 8;

    /// <summary>Whether Advanced Thermal Management is on at start.</summary>
    public bool AtmEnabled { get; init; } = true;

    /// <summary>How long a session lives without use.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The air the miner draws in, °C.</summary>
    public double IntakeTemperature { get; init; } = 20;

    /// <summary>The fixed RPC port, or 0 for any free port.</summary>
    public int RpcPort { get; init; }

    /// <summary>The fixed web port, or 0 for any free port.</summary>
    public int HttpPort { get; init; }
}
