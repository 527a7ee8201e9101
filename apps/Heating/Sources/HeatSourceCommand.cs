namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>What one source should do now.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="PowerWatts">The power, W (0 = off).</param>
/// <param name="TargetTemperature">The setpoint for a climate source (the warmest demanding zone's target), °C, or null.</param>
/// <param name="Reason">Why, in a few words (<c>max of living 80%, office 20%; night limit 1000 W</c>).</param>
/// <param name="FlowTemperature">The flow temperature the optimiser planned for a running hydronic source (its heating curve), °C, or null.</param>
public sealed record HeatSourceCommand(string SourceId, int PowerWatts, double? TargetTemperature, string Reason, double? FlowTemperature = null);
