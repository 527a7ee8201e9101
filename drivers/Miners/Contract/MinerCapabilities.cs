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

    /// <summary>Whether the reading's power is measured by the miner (otherwise estimated).</summary>
    public required bool ReportsPower { get; init; }

    /// <summary>The power a sleeping miner still draws (control board, fans), W, approximate.</summary>
    public int SleepPowerWatts { get; init; } = 10;
}
