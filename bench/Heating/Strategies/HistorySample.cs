namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>One 60 s sample of the warm-up history.</summary>
/// <param name="At">Start of the minute.</param>
/// <param name="RoomTemperature">Last room sensor report (quantised, noisy), or null while silent.</param>
/// <param name="OutdoorTemperature">Outdoor temperature, °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
/// <param name="HeatToAirWatts">Heat delivered by all sources into the air node, W.</param>
/// <param name="HeatToMassWatts">Heat delivered by all sources into the mass node, W.</param>
public sealed record HistorySample(DateTimeOffset At, double? RoomTemperature, double OutdoorTemperature,
    double SolarIrradiance, double HeatToAirWatts, double HeatToMassWatts);
