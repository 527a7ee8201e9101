namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>One 60 s sample of the warm-up history.</summary>
/// <param name="At">Start of the minute.</param>
/// <param name="RoomTemperature">Last room sensor report (quantised, noisy), or null while silent.</param>
/// <param name="OutdoorTemperature">Outdoor temperature, °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
/// <param name="HeatToAirWatts">Heat delivered by all sources into the air node, W.</param>
/// <param name="HeatToMassWatts">Heat delivered by all sources into the mass node, W.</param>
/// <param name="HydronicHeatWatts">
/// Heat the hydronic sources (heat pump, boiler) put into the water loop this minute, W, as their own heat meters report
/// it; null while none is heating. A measurement of what the plant did, not a plant parameter.
/// </param>
/// <param name="FlowTemperature">
/// The plant's actual flow (supply) temperature of the hydronic loop this minute, °C, while a hydronic source is heating;
/// null otherwise. A measurement, with the plant's own dynamics (the flow a source makes, limited by what it can make),
/// as a real heat pump or boiler reports it; not a plant parameter.
/// </param>
public sealed record HistorySample(DateTimeOffset At, double? RoomTemperature, double OutdoorTemperature,
    double SolarIrradiance, double HeatToAirWatts, double HeatToMassWatts, double? HydronicHeatWatts = null, double? FlowTemperature = null);
