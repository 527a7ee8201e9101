using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>What the fleet knows of one miner now.</summary>
public sealed record MinerSnapshot
{
    /// <summary>The miner's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its display name.</summary>
    public required string Name { get; init; }

    /// <summary>Its firmware family.</summary>
    public required string Family { get; init; }

    /// <summary>The latest reading, or null before the first.</summary>
    public MinerReading? Reading { get; init; }

    /// <summary>What it can do, or null until it answered.</summary>
    public MinerCapabilities? Capabilities { get; init; }

    /// <summary>Whether it runs, as the fleet believes (null when unknown).</summary>
    public bool? IsOn { get; init; }

    /// <summary>The power target or tier in effect, as the fleet believes.</summary>
    public MinerCommand? Target { get; init; }

    /// <summary>A deferred request waiting for its dwell time, or null.</summary>
    public MinerCommand? Pending { get; init; }

    /// <summary>The cap set with <see cref="IMinerFleet.SetPowerCapAsync"/>, W, or null.</summary>
    public int? PowerCapWatts { get; init; }

    /// <summary>Overheat protection's state.</summary>
    public MinerThermalState Thermal { get; init; } = MinerThermalState.Normal;

    /// <summary>Whether the miner answers (its entities are available).</summary>
    public bool Available => Reading is { Status: not MinerStatus.Unreachable };
}
