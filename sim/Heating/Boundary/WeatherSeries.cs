namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>True outdoor temperature and global horizontal irradiance over a span.</summary>
/// <param name="Temperature">Outdoor temperature, °C.</param>
/// <param name="Irradiance">Global horizontal irradiance, W/m².</param>
public sealed record WeatherSeries(TimeSeries Temperature, TimeSeries Irradiance);
