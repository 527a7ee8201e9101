namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>A weather value (forecast or truth) at an instant.</summary>
/// <param name="At">The instant.</param>
/// <param name="OutdoorTemperature">°C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
public sealed record ForecastPoint(DateTimeOffset At, double OutdoorTemperature, double SolarIrradiance);
