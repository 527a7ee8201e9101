namespace ProofOfHeat.Sim.Devices;

/// <summary>
/// A miner-like electric heat source: discrete power targets (Braiins-style tiers), every watt
/// becomes heat in the air, a settle time to reach a new target, and minimum on and off times
/// (10 min, bench/Heating/README.md, The plant) that protect the hardware from rapid cycling.
/// </summary>
public sealed record MinerOptions
{
    /// <summary>Power targets the miner accepts, W, ascending, starting with 0.</summary>
    public IReadOnlyList<int> PowerLevels { get; init; } = [0, 1000, 2000, 3000];

    /// <summary>Time for a full swing from 0 to the top level; smaller swings take proportionally less.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Once started, the miner keeps running at least this long.</summary>
    public TimeSpan MinimumOnTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Once stopped, the miner stays off at least this long.</summary>
    public TimeSpan MinimumOffTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The highest level, W.</summary>
    public int MaximumPower => PowerLevels.Max();
}
