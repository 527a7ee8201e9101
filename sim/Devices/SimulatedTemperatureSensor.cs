using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Devices;

/// <summary>
/// A temperature sensor that sees the true temperature plus seeded noise, quantises it, and
/// reports on change or on its heartbeat. It can be silenced to play the "sensor went quiet"
/// fault (PoH-Bench F1).
/// </summary>
public sealed class SimulatedTemperatureSensor
{
    private const double Epsilon = 1e-9;
    private readonly SeededRandom _random;

    /// <summary>Creates the sensor.</summary>
    public SimulatedTemperatureSensor(string id, TemperatureSensorOptions options, SeededRandom random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Resolution);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Heartbeat, TimeSpan.Zero);
        Id = id;
        Options = options;
        _random = random;
    }

    /// <summary>The sensor id.</summary>
    public string Id { get; }

    /// <summary>The options in use.</summary>
    public TemperatureSensorOptions Options { get; }

    /// <summary>The last report, or <see langword="null"/> before the first.</summary>
    public SensorReading? LastReading { get; private set; }

    /// <summary>When set, the sensor measures nothing and reports nothing (flat battery, lost radio).</summary>
    public bool IsSilent { get; set; }

    /// <summary>Measures <paramref name="trueTemperature"/> at <paramref name="now"/> and returns a report if the sensor sends one.</summary>
    public SensorReading? Sample(DateTimeOffset now, double trueTemperature)
    {
        if (IsSilent)
        {
            return null;
        }

        var noisy = trueTemperature + (Options.NoiseSigma * _random.NextGaussian());
        var value = Quantise(noisy);
        if (LastReading is not { } last)
        {
            return LastReading = new SensorReading(Id, value, now, IsHeartbeat: false);
        }

        if (Options.ReportOnChange is { } threshold && Math.Abs(value - last.Value) >= threshold - Epsilon)
        {
            return LastReading = new SensorReading(Id, value, now, IsHeartbeat: false);
        }

        if (now - last.At >= Options.Heartbeat)
        {
            // A periodic-only sensor reports whatever it measures now; a report-on-change sensor
            // repeats its last value, as small moves below the threshold are not sent.
            var reported = Options.ReportOnChange is null ? value : last.Value;
            return LastReading = new SensorReading(Id, reported, now, IsHeartbeat: Math.Abs(reported - last.Value) < Epsilon);
        }

        return null;
    }

    private double Quantise(double value)
    {
        var steps = Math.Round(value / Options.Resolution, MidpointRounding.AwayFromZero);
        // The second rounding removes binary noise such as 20.400000000000002.
        return Math.Round(steps * Options.Resolution, 6);
    }
}
