namespace ProofOfHeat.Control.Optimisation;

/// <summary>One evenly spaced sample of observed history for model identification.</summary>
/// <param name="RoomTemperature">The room sensor's last report, °C, or null while it is silent.</param>
/// <param name="OutdoorTemperature">Outdoor temperature, °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
/// <param name="HeatToAirWatts">Heat the sources delivered to the air, W (mean over the sample).</param>
/// <param name="HeatToMassWatts">Heat the sources delivered to the structure, W (mean over the sample).</param>
public sealed record IdentificationSample(
    double? RoomTemperature, double OutdoorTemperature, double SolarIrradiance, double HeatToAirWatts, double HeatToMassWatts);
