namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>One minute of a zone's recorded history, what the optimiser identifies the house model from.</summary>
/// <param name="At">Start of the minute.</param>
/// <param name="RoomTemperature">The room sensor's last report, °C, or null while it was silent.</param>
/// <param name="OutdoorTemperature">Outdoor temperature, °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m² (0 without a sensor).</param>
/// <param name="HeatToAirWatts">Heat the zone's sources gave the air, W.</param>
/// <param name="HeatToMassWatts">Heat they gave the structure (underfloor heating), W.</param>
/// <param name="HydronicHeatWatts">The heat the zone's hydronic sources report putting into the water, W, or null when not measured or off.</param>
/// <param name="FlowTemperature">Their measured flow temperature, °C, while they heat, or null.</param>
public sealed record HeatingHistorySample(
    DateTimeOffset At, double? RoomTemperature, double OutdoorTemperature, double SolarIrradiance, double HeatToAirWatts, double HeatToMassWatts,
    double? HydronicHeatWatts = null, double? FlowTemperature = null);
