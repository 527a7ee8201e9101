namespace ProofOfHeat.Sim.Miners.VNish;

/// <summary>How a simulated VNish miner is built.</summary>
public sealed record VNishSimulatorOptions
{
    /// <summary>The physics: an Antminer S19 (the maker's spec sheet) unless set.</summary>
    public MinerHardwareSpec Hardware { get; init; } = new()
    {
        Model = "Antminer S19",
        NominalPowerWatts = 3250,
        MinimumPowerWatts = 1100,
        JoulesPerTerahash = 34.2,
        RestartDuration = TimeSpan.FromSeconds(90),
    };

    /// <summary>The presets; the miner starts on the highest tuned one.</summary>
    public IReadOnlyList<VNishSimPreset> Presets { get; init; } =
    [
        new("disabled", 0, 0, IsTuned: false),
        new("1100", 1100, 35.2, IsTuned: false),
        new("1500", 1500, 47.0, IsTuned: true),
        new("1900", 1900, 59.0, IsTuned: true),
        new("2350", 2350, 72.0, IsTuned: true),
        new("2800", 2800, 84.0, IsTuned: true),
        new("3250", 3250, 95.0, IsTuned: true),
        new("3600", 3600, 103.0, IsTuned: false, ModdedPsuRequired: true),
    ];

    /// <summary>The web password.</summary>
    public string Password { get; init; } = "admin";

    /// <summary>Wrong unlocks in a row before unlocking is locked for <see cref="UnlockLockout"/>.</summary>
    public int MaximumUnlockAttempts { get; init; } = 5;

    /// <summary>How long unlocking stays locked after too many wrong passwords.</summary>
    public TimeSpan UnlockLockout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether a preset change asks for a mining restart (<c>restart_required</c>).</summary>
    public bool PresetChangeRequiresRestart { get; init; } = true;

    /// <summary>How long an untuned preset autotunes.</summary>
    public TimeSpan AutotuneDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The firmware version reported.</summary>
    public string Version { get; init; } = "1.2.6";

    /// <summary>The air the miner draws in, °C.</summary>
    public double IntakeTemperature { get; init; } = 20;

    /// <summary>The fixed HTTP port, or 0 for any free port.</summary>
    public int HttpPort { get; init; }
}
