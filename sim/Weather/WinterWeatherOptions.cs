namespace ProofOfHeat.Sim.Weather;

/// <summary>
/// Shape of the synthetic central-European winter (bench/Heating/README.md, Boundary conditions): a daily
/// mean, a diurnal swing of ±3–4 K, and an hourly AR(1) residual with φ = 0.95, σ = 0.8 K.
/// </summary>
public sealed record WinterWeatherOptions
{
    /// <summary>Mean outdoor temperature, °C.</summary>
    public double DailyMean { get; init; }

    /// <summary>Half the peak-to-trough diurnal swing, K.</summary>
    public double DiurnalAmplitude { get; init; } = 3.5;

    /// <summary>Hour of day (UTC) of the warmest point; the coldest is twelve hours earlier.</summary>
    public double WarmestHour { get; init; } = 15;

    /// <summary>Hour-to-hour persistence of the residual (AR(1) φ).</summary>
    public double Persistence { get; init; } = 0.95;

    /// <summary>Long-run standard deviation of the residual, K.</summary>
    public double ResidualSigma { get; init; } = 0.8;
}
