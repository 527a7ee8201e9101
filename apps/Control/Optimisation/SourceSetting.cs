namespace ProofOfHeat.Control.Optimisation;

/// <summary>The level chosen for one source.</summary>
/// <param name="Id">The source's identifier.</param>
/// <param name="Watts">Level, W (0 = off), in the unit of the source's levels.</param>
/// <param name="FlowTemperature">Hydronic sources: the flow temperature to ask for, °C.</param>
public sealed record SourceSetting(string Id, double Watts, double? FlowTemperature = null);
