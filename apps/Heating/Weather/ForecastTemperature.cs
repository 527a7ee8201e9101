namespace ProofOfHeat.Apps.Heating.Weather;

/// <summary>One hour of a weather forecast.</summary>
/// <param name="At">The hour it is for (UTC).</param>
/// <param name="Temperature">Outdoor temperature, °C.</param>
public sealed record ForecastTemperature(DateTimeOffset At, double Temperature);
