namespace ProofOfHeat.Drivers.HeatSources.SgReady;

/// <summary>An SG-Ready heat pump, as configured.</summary>
public sealed record SgReadyDriverOptions
{
    /// <summary>Its name for logs.</summary>
    public string Name { get; init; } = "sg-ready";

    /// <summary>
    /// How long a state is held before the next change (the heat pump's controller needs time to act on a state; BWP's
    /// state 1 is meant for blocks of up to 2 h). Default 10 min.
    /// </summary>
    public TimeSpan MinimumStateDwell { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The heat pump's electric power in each state, W, when known (for the planner).</summary>
    public IReadOnlyDictionary<SgReadyState, double> ApproximateWatts { get; init; } = new Dictionary<SgReadyState, double>();
}
