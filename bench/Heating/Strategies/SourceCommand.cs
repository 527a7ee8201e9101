namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>A command to one source.</summary>
/// <param name="Id">Source id.</param>
/// <param name="PowerWatts">Requested level (snapped by the plant); 0 = off.</param>
/// <param name="FlowTemperature">Hydronic sources: requested flow temperature, °C; null = the plant's heating curve.</param>
public sealed record SourceCommand(string Id, double PowerWatts, double? FlowTemperature = null);
