namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>A heat source as a controller may know it.</summary>
/// <param name="Id">Source id, used in commands and states.</param>
/// <param name="Kind">What it is.</param>
/// <param name="PowerLevelsWatts">
/// Electric (miner, resistive) or thermal (heat pump, boiler) levels, ascending, starting with 0; for
/// modulating sources the min..max range is [1]..[last] and <paramref name="Modulating"/> is true.
/// </param>
/// <param name="Modulating">True when any level between [1] and [last] is allowed.</param>
/// <param name="MinimumOnTime">Minimum run time once started.</param>
/// <param name="MinimumOffTime">Minimum off time once stopped.</param>
/// <param name="JoulesPerTerahash">Miners: at full power; the plant's efficiency curve may differ a little.</param>
/// <param name="PoolFee">Miners: pool fee as a fraction.</param>
/// <param name="Hydronic">Heat pump and boiler deliver through water (delivery lag).</param>
public sealed record SourceSpec(
    string Id, SourceKind Kind,
    IReadOnlyList<double> PowerLevelsWatts,
    bool Modulating,
    TimeSpan MinimumOnTime, TimeSpan MinimumOffTime,
    double? JoulesPerTerahash,
    double? PoolFee,
    bool Hydronic);
