namespace ProofOfHeat.Control.Optimisation;

/// <summary>One evenly spaced sample of observed history for model identification.</summary>
/// <param name="RoomTemperature">The room sensor's last report, °C, or null while it is silent.</param>
/// <param name="OutdoorTemperature">Outdoor temperature, °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
/// <param name="HeatToAirWatts">Heat the sources delivered to the air, W (mean over the sample).</param>
/// <param name="HeatToMassWatts">Heat the sources delivered to the structure, W (mean over the sample).</param>
/// <param name="HydronicHeatWatts">
/// Heat the hydronic sources put into the water loop, W (mean over the sample), as the heat pump's or boiler's own heat
/// meter reports it, or null when it is not measured. A measurement, not a plant parameter.
/// </param>
/// <param name="FlowTemperature">
/// The measured flow (supply) temperature of the hydronic loop, °C, while a hydronic source is heating, or null otherwise
/// (or when the installation does not report it). A measurement with the plant's own dynamics, not a plant parameter;
/// with <paramref name="HydronicHeatWatts"/> it lets <see cref="EmitterIdentifier"/> learn the emitters.
/// </param>
public sealed record IdentificationSample(
    double? RoomTemperature, double OutdoorTemperature, double SolarIrradiance, double HeatToAirWatts, double HeatToMassWatts,
    double? HydronicHeatWatts = null, double? FlowTemperature = null);
