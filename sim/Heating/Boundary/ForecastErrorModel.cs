using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>
/// The BOPTEST forecast-uncertainty emulator: the hourly temperature error is AR(1),
/// e₀ = F0 + K0·ω and e_{τ+1} = F·e_τ + ε with ε ~ N(μ, K²). The solar forecast gets a relative
/// AR(1) error with Laplace innovations (zero at night, where the truth is zero), smoothed over
/// three samples. Each issue hour draws its own errors from the seed, so a forecast depends only
/// on the seed and when it was issued.
/// </summary>
public sealed class ForecastErrorModel
{
    private readonly long _seed;
    private readonly double _f0;
    private readonly double _k0;
    private readonly double _f;
    private readonly double _k;
    private readonly double _mu;
    private readonly double _solarScale;

    /// <summary>Creates the model for <paramref name="level"/>.</summary>
    public ForecastErrorModel(ForecastErrorLevel level, long seed)
    {
        Level = level;
        _seed = seed;
        (_f0, _k0, _f, _k, _mu, _solarScale) = level switch
        {
            ForecastErrorLevel.Deterministic => (0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
            ForecastErrorLevel.Low => (0.0, 0.6, 0.92, 0.4, 0.0, 0.05),
            ForecastErrorLevel.Medium => (0.15, 1.2, 0.93, 0.6, 0.0, 0.10),
            ForecastErrorLevel.High => (-0.58, 1.5, 0.95, 0.7, -0.015, 0.15),
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
    }

    /// <summary>The level.</summary>
    public ForecastErrorLevel Level { get; }

    /// <summary>Temperature errors (K) and relative solar errors for lead times 1..<paramref name="hours"/> h of a forecast issued at <paramref name="issuedAt"/>.</summary>
    public (double[] Temperature, double[] SolarRelative) Errors(DateTimeOffset issuedAt, int hours)
    {
        var temperature = new double[hours];
        var solar = new double[hours];
        if (Level == ForecastErrorLevel.Deterministic)
        {
            return (temperature, solar);
        }

        var issueHour = (long)Math.Floor((issuedAt - DateTimeOffset.UnixEpoch).TotalHours);
        var random = SeededRandom.For(_seed ^ 0x5F3759DF, unchecked((int)issueHour));
        var e = _f0 + (_k0 * random.NextGaussian());
        var raw = new double[hours];
        double s = 0;
        for (var i = 0; i < hours; i++)
        {
            temperature[i] = e;
            e = (_f * e) + _mu + (_k * random.NextGaussian());
            s = (0.9 * s) + (_solarScale * Laplace(random));
            raw[i] = s;
        }

        for (var i = 0; i < hours; i++)
        {
            var lo = Math.Max(0, i - 1);
            var hi = Math.Min(hours - 1, i + 1);
            solar[i] = (raw[lo] + raw[i] + raw[hi]) / 3;
        }

        return (temperature, solar);
    }

    private static double Laplace(SeededRandom random)
    {
        var u = random.NextDouble() - 0.5;
        return -Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u))) / Math.Sqrt(2);
    }
}
