namespace ProofOfHeat.Control.Optimisation;

/// <summary>A heat source as the planner sees it.</summary>
/// <param name="Id">Identifier used in statuses and decisions.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Levels">
/// Allowed levels in watts, ascending, the first 0: electric for miners and resistive heaters, thermal
/// for heat pumps and boilers. For a modulating source any value from [1] to [last] is allowed.
/// </param>
/// <param name="Modulating">Whether levels between [1] and [last] are allowed.</param>
/// <param name="MinimumOnTime">Minimum run time once started.</param>
/// <param name="MinimumOffTime">Minimum off time once stopped.</param>
/// <param name="JoulesPerTerahash">Miners: efficiency at full power.</param>
/// <param name="PoolFee">Miners: the pool's fee as a fraction.</param>
/// <param name="Hydronic">Whether it heats through water (then it needs a flow temperature).</param>
/// <param name="LevelHold">
/// For firmware where a level change restarts the miner (hashing stops while it re-tunes): once its level changed,
/// including a start, it keeps that level at least this long, running: stopping is held too, because the next start
/// is a restart as well (a plan that stops instead of stepping down would only trade one restart for another).
/// Zero (the default) holds nothing.
/// </param>
public sealed record PlannerSource(
    string Id,
    HeatSourceKind Kind,
    IReadOnlyList<double> Levels,
    bool Modulating,
    TimeSpan MinimumOnTime,
    TimeSpan MinimumOffTime,
    double? JoulesPerTerahash = null,
    double? PoolFee = null,
    bool Hydronic = false,
    TimeSpan LevelHold = default)
{
    /// <summary>The highest level, W.</summary>
    public double MaximumWatts => Levels[^1];
}
