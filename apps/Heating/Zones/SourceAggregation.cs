namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>How the demands of zones that share a source combine.</summary>
public enum SourceAggregation
{
    /// <summary>The largest demand: the source heats every zone it serves at once (a miner in an open-plan space).</summary>
    Max,

    /// <summary>The sum, capped at full power: each zone draws its own share (a boiler feeding valved radiators).</summary>
    Sum,
}
