namespace ProofOfHeat.Sim.Miners.Braiins;

/// <summary>How a simulated Braiins OS miner is built.</summary>
public sealed record BraiinsSimulatorOptions
{
    /// <summary>The physics: an Antminer S19j Pro (the maker's spec sheet) unless set.</summary>
    public MinerHardwareSpec Hardware { get; init; } = new()
    {
        Model = "Antminer S19j Pro",
        NominalPowerWatts = 3050,
        MinimumPowerWatts = 1000,
        JoulesPerTerahash = 29.5,
    };

    /// <summary>The web user.</summary>
    public string Username { get; init; } = "root";

    /// <summary>The web password.</summary>
    public string Password { get; init; } = "root";

    /// <summary>How long a token lives without use (<c>timeout_s</c>).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The Braiins OS version reported.</summary>
    public string Version { get; init; } = "24.09.1";

    /// <summary>The air the miner draws in, °C.</summary>
    public double IntakeTemperature { get; init; } = 20;

    /// <summary>The fixed HTTP port, or 0 for any free port.</summary>
    public int HttpPort { get; init; }
}
