namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>What a source needs to know to produce heat over a step.</summary>
/// <param name="OutdoorTemperature">°C (the heat pump's source side).</param>
/// <param name="RoomTemperature">Air temperature, °C.</param>
/// <param name="FlowTemperature">Hydronic flow temperature in use, °C.</param>
/// <param name="EmitterCapacityWatts">The most heat the emitters can take at that flow temperature, W (hydronic only).</param>
public readonly record struct SourceConditions(
    double OutdoorTemperature, double RoomTemperature, double FlowTemperature, double EmitterCapacityWatts);
