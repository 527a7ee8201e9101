namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// A simulated miner's physics (the maker's spec sheet): nameplate power and efficiency,
/// how fast power follows a target, how long restarts and warm-ups take, and how hot it runs.
/// </summary>
public sealed record MinerHardwareSpec
{
    /// <summary>Model name the firmware reports, e.g. "Antminer S19 Pro".</summary>
    public required string Model { get; init; }

    /// <summary>Nameplate power, W (the top target).</summary>
    public required int NominalPowerWatts { get; init; }

    /// <summary>Lowest power target while hashing, W.</summary>
    public required int MinimumPowerWatts { get; init; }

    /// <summary>Efficiency at nameplate power, J/TH.</summary>
    public required double JoulesPerTerahash { get; init; }

    /// <summary>How much better the J/TH gets at the lowest target (0.10 = 10 % fewer joules per TH).</summary>
    public double EfficiencyGainAtMinimum { get; init; } = 0.10;

    /// <summary>What the control board and fans draw while asleep or restarting, W.</summary>
    public int SleepPowerWatts { get; init; } = 10;

    /// <summary>Time for a full swing from 0 to nameplate power; smaller swings take proportionally less.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a restart keeps the API down.</summary>
    public TimeSpan RestartDuration { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>After a wake or restart: time the boards initialise (API up, not hashing yet).</summary>
    public TimeSpan WarmUpDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Chip temperature rise above the intake air per kW drawn, at steady state, K/kW.</summary>
    public double ChipRisePerKilowatt { get; init; } = 12;

    /// <summary>Time constant of the chips' temperature.</summary>
    public TimeSpan ThermalTimeConstant { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Number of hashboards.</summary>
    public int HashboardCount { get; init; } = 3;

    /// <summary>Number of fans.</summary>
    public int FanCount { get; init; } = 4;

    /// <summary>Fan speed at full cooling, RPM.</summary>
    public int FanMaximumRpm { get; init; } = 6000;
}
