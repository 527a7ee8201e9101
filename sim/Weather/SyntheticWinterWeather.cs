using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Weather;

/// <summary>
/// Seeded synthetic winter outdoor temperature. The residual is drawn once per hour from the
/// start and interpolated linearly in between, so the value at an instant depends only on the
/// seed and the instant, not on how often or in which order it is asked.
/// </summary>
public sealed class SyntheticWinterWeather
{
    private readonly List<double> _hourlyResidual = [];
    private readonly SeededRandom _random;
    private readonly double _innovationSigma;

    /// <summary>Creates the generator; the series starts at <paramref name="start"/>.</summary>
    public SyntheticWinterWeather(long seed, DateTimeOffset start, WinterWeatherOptions? options = null)
    {
        Options = options ?? new WinterWeatherOptions();
        if (!(Options.Persistence is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Persistence must lie within [0, 1).");
        }

        Start = start;
        _random = SeededRandom.For(seed, 1);
        // Innovation chosen so the residual's stationary standard deviation is ResidualSigma.
        _innovationSigma = Options.ResidualSigma * Math.Sqrt(1 - (Options.Persistence * Options.Persistence));
        _hourlyResidual.Add(Options.ResidualSigma * _random.NextGaussian());
    }

    /// <summary>The options in use.</summary>
    public WinterWeatherOptions Options { get; }

    /// <summary>The first instant of the series.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The outdoor temperature at <paramref name="at"/> (not before <see cref="Start"/>), °C.</summary>
    public double TemperatureAt(DateTimeOffset at)
    {
        if (at < Start)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "The weather has no past before its start.");
        }

        var hours = (at - Start).TotalHours;
        var index = (int)Math.Floor(hours);
        while (_hourlyResidual.Count < index + 2)
        {
            var previous = _hourlyResidual[^1];
            _hourlyResidual.Add((Options.Persistence * previous) + (_innovationSigma * _random.NextGaussian()));
        }

        var fraction = hours - index;
        var residual = _hourlyResidual[index] + (fraction * (_hourlyResidual[index + 1] - _hourlyResidual[index]));
        var hourOfDay = at.UtcDateTime.TimeOfDay.TotalHours;
        var diurnal = Options.DiurnalAmplitude * Math.Cos(2 * Math.PI * (hourOfDay - Options.WarmestHour) / 24);
        return Options.DailyMean + diurnal + residual;
    }
}
