namespace ProofOfHeat.Control.Optimisation;

/// <summary>One point of the weather forecast.</summary>
/// <param name="At">When.</param>
/// <param name="OutdoorTemperature">Outdoor temperature, °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
public sealed record WeatherPoint(DateTimeOffset At, double OutdoorTemperature, double SolarIrradiance);
