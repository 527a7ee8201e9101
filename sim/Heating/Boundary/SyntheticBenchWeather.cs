using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>
/// Generates the seeded PoH-Bench winter: a seasonal daily mean (overridden by scripted spells), a
/// cosine diurnal swing, an hourly AR(1) residual, and GHI = clear sky (Haurwitz) × a cloud factor
/// driven by its own hourly AR(1). Values are produced every 15 min; equal seeds give equal series.
/// </summary>
public static class SyntheticBenchWeather
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    /// <summary>Generates <paramref name="length"/> of weather from <paramref name="start"/>.</summary>
    public static WeatherSeries Generate(long seed, DateTimeOffset start, TimeSpan length, WeatherProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var random = SeededRandom.For(seed, 11);
        var hours = (int)Math.Ceiling(length.TotalHours) + 2;
        var residual = new double[hours];
        var cloud = new double[hours];
        for (var h = 1; h < hours; h++)
        {
            residual[h] = (profile.Persistence * residual[h - 1]) + (profile.InnovationSigma * random.NextGaussian());
            cloud[h] = (0.9 * cloud[h - 1]) + (0.45 * random.NextGaussian());
        }

        var count = (int)Math.Ceiling(length / Interval);
        var temperature = new double[count];
        var irradiance = new double[count];
        for (var i = 0; i < count; i++)
        {
            var at = start + (Interval * i);
            var position = (at - start).TotalHours;
            var h = (int)position;
            var fraction = position - h;
            var r = residual[h] + (fraction * (residual[h + 1] - residual[h]));
            var c = cloud[h] + (fraction * (cloud[h + 1] - cloud[h]));
            var hourOfDay = at.UtcDateTime.TimeOfDay.TotalHours;
            var diurnal = profile.DiurnalAmplitude * Math.Cos(2 * Math.PI * (hourOfDay - profile.WarmestHour) / 24);
            // A scripted spell fixes the daily mean; the residual is damped inside it so the spell
            // stays within its stated range instead of adding a random cold or warm week on top.
            var spellWeight = profile.Spells.Count == 0 ? 0 : profile.Spells.Max(s => s.Weight(at));
            temperature[i] = DailyMean(at, profile) + diurnal + (r * (1 - (0.7 * spellWeight)));
            // Cloud cover damps the diurnal swing in reality; the clear-sky index is a logistic of
            // the cloud state so it stays within (0.15, 1).
            var clearIndex = 0.15 + (0.85 / (1 + Math.Exp(-2 * (c + 0.3))));
            irradiance[i] = ClearSky(at, profile.Latitude) * clearIndex;
        }

        return new WeatherSeries(new TimeSeries(start, Interval, temperature), new TimeSeries(start, Interval, irradiance));
    }

    /// <summary>The daily mean at <paramref name="at"/>: the seasonal profile, pulled towards any spell in force.</summary>
    public static double DailyMean(DateTimeOffset at, WeatherProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var day = at.UtcDateTime.DayOfYear + (at.UtcDateTime.TimeOfDay.TotalHours / 24);
        var mean = profile.AnnualMean - (profile.SeasonalAmplitude * Math.Cos(2 * Math.PI * (day - profile.ColdestDayOfYear) / 365));
        foreach (var spell in profile.Spells)
        {
            var weight = spell.Weight(at);
            mean += weight * (spell.DailyMean - mean);
        }

        return mean;
    }

    /// <summary>Clear-sky GHI by the Haurwitz model, W/m².</summary>
    public static double ClearSky(DateTimeOffset at, double latitude)
    {
        var utc = at.UtcDateTime;
        var declination = 23.45 * Math.PI / 180 * Math.Sin(2 * Math.PI * (284 + utc.DayOfYear) / 365);
        var hourAngle = (utc.TimeOfDay.TotalHours - 12) * 15 * Math.PI / 180;
        var phi = latitude * Math.PI / 180;
        var sinElevation = (Math.Sin(phi) * Math.Sin(declination)) + (Math.Cos(phi) * Math.Cos(declination) * Math.Cos(hourAngle));
        return sinElevation <= 0.01 ? 0 : 1098 * sinElevation * Math.Exp(-0.057 / sinElevation);
    }
}
