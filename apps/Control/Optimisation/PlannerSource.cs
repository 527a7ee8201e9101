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
public sealed record PlannerSource(
    string Id,
    HeatSourceKind Kind,
    IReadOnlyList<double> Levels,
    bool Modulating,
    TimeSpan MinimumOnTime,
    TimeSpan MinimumOffTime,
    double? JoulesPerTerahash = null,
    double? PoolFee = null,
    bool Hydronic = false)
{
    /// <summary>The highest level, W.</summary>
    public double MaximumWatts => Levels[^1];
}
