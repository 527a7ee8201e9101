namespace ProofOfHeat.Drivers.Miners;

/// <summary>What a miner can do about its power, and what changes cost.</summary>
public sealed partial record MinerCapabilities
{
    /// <summary>Model name as the miner reports it (e.g. "Antminer S19 Pro").</summary>
    public required string Model { get; init; }

    /// <summary>Whether it can sleep (stop hashing while staying reachable) and wake.</summary>
    public required bool CanSleep { get; init; }

    /// <summary>How power is set: not at all, by modes/tiers, or continuously.</summary>
    public required MinerPowerControl PowerControl { get; init; }

    /// <summary>The lowest power target, W (continuous control).</summary>
    public int? MinimumPowerWatts { get; init; }

    /// <summary>The highest power target, W (continuous control), or the nominal power.</summary>
    public int? MaximumPowerWatts { get; init; }

    /// <summary>Granularity of continuous targets, W.</summary>
    public int? PowerStepWatts { get; init; }

    /// <summary>The named tiers or modes with their approximate power (tier control), lowest first.</summary>
    public IReadOnlyList<MinerPowerTier> Tiers { get; init; } = [];

    /// <summary>Whether changing the power target restarts or reboots the miner.</summary>
    public required bool PowerChangeRestarts { get; init; }

    /// <summary>Typical time for a power change to take full effect.</summary>
    public required TimeSpan TypicalSettleTime { get; init; }

    /// <summary>Whether the reading's power is measured by the miner (otherwise estimated, or none).</summary>
    public required bool ReportsPower { get; init; }

    /// <summary>
    /// How far the measured power may sit from a power change's target once settled, as a fraction (0.05 = ±5 %).
    /// When set, a power change counts as applied only once the miner measures its effect; null when this family's
    /// power cannot confirm a change (it measures none, or only estimates it), so the reported field alone does.
    /// </summary>
    public double? PowerTolerance { get; init; }

    /// <summary>The power a sleeping miner still draws (control board, fans), W, approximate.</summary>
    public int SleepPowerWatts { get; init; } = 10;
}
