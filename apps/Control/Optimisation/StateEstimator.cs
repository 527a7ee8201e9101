namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// Tracks the house's (air, mass) state between decisions: the model runs forward on the heat the
/// sources delivered, and each room report pulls the air node (and, more gently, the unobserved
/// mass node) towards the reading. Hydronic heat reaches the house through a first-order lag, as
/// the water in the emitters warms. While the sensor is silent the model simply runs open loop.
/// </summary>
public sealed class StateEstimator
{
    private readonly ThermalModel _model;
    private readonly TimeSpan _hydronicLag;
    private readonly double _hydronicMassShare;
    private DiscreteThermalModel? _discrete;

    /// <summary>Starts at (air, mass) on <paramref name="model"/>.</summary>
    /// <param name="model">The house model.</param>
    /// <param name="air">Initial air temperature, °C.</param>
    /// <param name="mass">Initial mass temperature, °C.</param>
    /// <param name="hydronicLag">Time constant of hydronic delivery.</param>
    /// <param name="hydronicMassShare">Share of hydronic heat into the mass node.</param>
    public StateEstimator(ThermalModel model, double air, double mass, TimeSpan hydronicLag, double hydronicMassShare = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        _model = model;
        _hydronicLag = hydronicLag;
        _hydronicMassShare = hydronicMassShare;
        Air = air;
        Mass = mass;
    }

    /// <summary>Estimated air temperature, °C.</summary>
    public double Air { get; private set; }

    /// <summary>Estimated mass temperature, °C.</summary>
    public double Mass { get; private set; }

    /// <summary>Hydronic heat currently reaching the house, W.</summary>
    public double HydronicDelivered { get; private set; }

    /// <summary>Share of an air error assigned to the air node on a reading.</summary>
    public double AirGain { get; init; } = 0.6;

    /// <summary>Share of an air error assigned to the mass node on a reading.</summary>
    public double MassGain { get; init; } = 0.15;

    /// <summary>Runs the model forward over <paramref name="elapsed"/> with the heat that was commanded.</summary>
    /// <param name="elapsed">Time since the last call.</param>
    /// <param name="directAirWatts">Heat from air-side sources (miners, resistive), W.</param>
    /// <param name="hydronicWatts">Heat commanded from hydronic sources, W (delivered after the lag).</param>
    /// <param name="outdoorTemperature">Outdoor temperature, °C.</param>
    /// <param name="solarIrradiance">Irradiance, W/m².</param>
    /// <param name="extraGainsWatts">Gains beyond the model's constant internal gains, W.</param>
    public void Advance(TimeSpan elapsed, double directAirWatts, double hydronicWatts, double outdoorTemperature,
        double solarIrradiance, double extraGainsWatts = 0)
    {
        if (elapsed <= TimeSpan.Zero)
        {
            return;
        }

        if (_discrete is null || _discrete.Step != elapsed)
        {
            _discrete = new DiscreteThermalModel(_model, elapsed);
        }

        // Average the lagged delivery over the interval rather than taking its end value.
        var start = HydronicDelivered;
        var alpha = _hydronicLag > TimeSpan.Zero ? Math.Exp(-elapsed / _hydronicLag) : 0;
        HydronicDelivered = hydronicWatts + ((start - hydronicWatts) * alpha);
        var mean = (start + HydronicDelivered) / 2;
        var air = directAirWatts + (mean * (1 - _hydronicMassShare)) + _model.InternalGainsWatts + extraGainsWatts
            + (_model.SolarAperture * solarIrradiance);
        (Air, Mass) = _discrete.Next(Air, Mass, air, mean * _hydronicMassShare, outdoorTemperature);
    }

    /// <summary>Pulls the estimate towards a fresh room reading.</summary>
    public void Correct(double roomTemperature)
    {
        var error = roomTemperature - Air;
        Air += AirGain * error;
        Mass += MassGain * error;
    }
}
