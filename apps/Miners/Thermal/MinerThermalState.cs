namespace ProofOfHeat.Apps.Miners.Thermal;

/// <summary>Overheat protection's memory of one miner.</summary>
/// <param name="Level">How far it has gone.</param>
/// <param name="Since">When it left <see cref="MinerThermalLevel.Normal"/>; null while normal.</param>
/// <param name="LastStepAt">When it last stepped the power down or slept the miner; null while normal.</param>
/// <param name="CapWatts">The power it allows while throttled, W; null while normal.</param>
public sealed record MinerThermalState(MinerThermalLevel Level, DateTimeOffset? Since, DateTimeOffset? LastStepAt, int? CapWatts)
{
    /// <summary>Not holding the miner back.</summary>
    public static MinerThermalState Normal { get; } = new(MinerThermalLevel.Normal, null, null, null);
}
