namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>
/// The knobs of the synthetic central-European winter (bench/Heating/README.md, Boundary conditions). Daily means follow a
/// seasonal cosine; a diurnal swing, an hourly AR(1) residual and optional scripted spells are
/// added on top.
/// </summary>
public sealed record WeatherProfile
{
    /// <summary>Annual mean of the seasonal daily-mean profile, °C.</summary>
    public double AnnualMean { get; init; } = 9;

    /// <summary>Seasonal amplitude, K (coldest on <see cref="ColdestDayOfYear"/>).</summary>
    public double SeasonalAmplitude { get; init; } = 9.5;

    /// <summary>Day of year of the seasonal minimum.</summary>
    public int ColdestDayOfYear { get; init; } = 20;

    /// <summary>Half the peak-to-peak diurnal swing, K.</summary>
    public double DiurnalAmplitude { get; init; } = 3.5;

    /// <summary>Hour of the daily maximum (UTC, taken as local time).</summary>
    public double WarmestHour { get; init; } = 15;

    /// <summary>AR(1) coefficient of the hourly residual.</summary>
    public double Persistence { get; init; } = 0.95;

    /// <summary>Standard deviation of the hourly innovation, K.</summary>
    public double InnovationSigma { get; init; } = 0.8;

    /// <summary>Latitude for the clear-sky irradiance, degrees north.</summary>
    public double Latitude { get; init; } = 50;

    /// <summary>Scripted spells that pull the daily mean towards a level.</summary>
    public IReadOnlyList<WeatherSpell> Spells { get; init; } = [];
}
