namespace ProofOfHeat.Apps.Miners.Thermal;

/// <summary>Overheat protection's memory of one miner.</summary>
/// <param name="Level">How far it has gone.</param>
/// <param name="Since">When it left <see cref="MinerThermalLevel.Normal"/>; null while normal.</param>
/// <param name="LastStepAt">When it last stepped the power down or slept the miner; null while normal.</param>
/// <param name="CapWatts">The power it allows while throttled, W; null while normal.</param>
/// <param name="UnknownSince">Since when the running miner's temperature has been unknown; null while it is known.</param>
/// <param name="UnknownAlerted">Whether the alert for the unknown temperature was raised (once per spell).</param>
public sealed record MinerThermalState(
    MinerThermalLevel Level, DateTimeOffset? Since, DateTimeOffset? LastStepAt, int? CapWatts, DateTimeOffset? UnknownSince = null, bool UnknownAlerted = false)
{
    /// <summary>Not holding the miner back.</summary>
    public static MinerThermalState Normal { get; } = new(MinerThermalLevel.Normal, null, null, null);
}
