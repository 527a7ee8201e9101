using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Bench.Heating.Runner;

/// <summary>
/// What a heat pump's or boiler's own heat meter and flow sensor report (scenario options <c>plant.heat_meter_noise</c>,
/// <c>plant.flow_sensor_noise_k</c>, <c>plant.meter_lag_minutes</c>): the true values through a first-order lag, plus
/// Gaussian noise, relative for the heat and in kelvin for the flow. With every option at 0 it reports the truth.
/// </summary>
public sealed class HydronicMeters
{
    private readonly double _heatNoise;
    private readonly double _flowNoise;
    private readonly double _lagMinutes;
    private readonly SeededRandom _random;
    private double? _heat;
    private double? _flow;

    public HydronicMeters(double heatNoise, double flowNoiseKelvin, double lagMinutes, long seed)
    {
        _heatNoise = heatNoise;
        _flowNoise = flowNoiseKelvin;
        _lagMinutes = lagMinutes;
        _random = SeededRandom.For(seed, 43);
    }

    /// <summary>The readings for one 60-s step while a hydronic source heats (true heat W, true flow °C), or nulls while none does.</summary>
    public (double? Heat, double? Flow) Read(double? heat, double? flow)
    {
        if (heat is not { } h || flow is not { } f)
        {
            // The loop is idle: a meter that restarts with the next run starts from its first reading.
            _heat = null;
            _flow = null;
            return (null, null);
        }

        // Exact first-order update over one minute: the sensor's reading approaches the truth with time constant τ.
        var keep = _lagMinutes > 0 ? Math.Exp(-1 / _lagMinutes) : 0;
        _heat = _heat is { } lastHeat ? (keep * lastHeat) + ((1 - keep) * h) : h;
        _flow = _flow is { } lastFlow ? (keep * lastFlow) + ((1 - keep) * f) : f;
        return (Math.Max(0, _heat.Value * (1 + (_heatNoise * _random.NextGaussian()))), _flow.Value + (_flowNoise * _random.NextGaussian()));
    }
}
