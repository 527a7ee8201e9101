namespace ProofOfHeat.Sim.Heating;

/// <summary>The boundary conditions of one plant step.</summary>
/// <param name="OutdoorTemperature">°C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
/// <param name="InternalGainsWatts">People and appliances, W to the air node.</param>
/// <param name="ExtraAirConductance">Extra air-to-outdoor conductance from an open window, W/K.</param>
public readonly record struct PlantBoundary(
    double OutdoorTemperature, double SolarIrradiance, double InternalGainsWatts, double ExtraAirConductance);
