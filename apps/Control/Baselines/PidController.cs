namespace ProofOfHeat.Control.Baselines;

/// <summary>
/// The PID with outdoor compensation of HASmartThermostat (github.com/ScratMan/HASmartThermostat),
/// computed on each sensor sample: P = Kp·e, I += Ki·e·dt (clamped to the output range, which is
/// the anti-windup), D = −Kd·ΔT/dt, E = Ke·(T_set − T_out); the output P + I + D + E is clamped to
/// [0, 100] %. The first sample has no dt, so it adds nothing to I and D.
/// </summary>
public sealed class PidController
{
    private DateTimeOffset? _lastAt;
    private double _lastTemperature;

    /// <summary>Creates the controller.</summary>
    public PidController(PidGains gains)
    {
        ArgumentNullException.ThrowIfNull(gains);
        Gains = gains;
    }

    /// <summary>The gains.</summary>
    public PidGains Gains { get; }

    /// <summary>The integral term, %.</summary>
    public double Integral { get; private set; }

    /// <summary>The last output, %.</summary>
    public double Output { get; private set; }

    /// <summary>Clears the integral and the sample history (HASmartThermostat's clear-integral service).</summary>
    public void Reset()
    {
        Integral = 0;
        _lastAt = null;
        Output = 0;
    }

    /// <summary>Feeds one sample taken at <paramref name="at"/> and returns the new output, %.</summary>
    public double Update(DateTimeOffset at, double setpoint, double temperature, double? outdoorTemperature)
    {
        if (double.IsNaN(temperature) || double.IsNaN(setpoint))
        {
            return Output;
        }

        var error = setpoint - temperature;
        var dt = _lastAt is { } last ? Math.Max(0, (at - last).TotalSeconds) : 0;
        var derivative = dt > 0 ? -Gains.Kd * (temperature - _lastTemperature) / dt : 0;
        Integral = Math.Clamp(Integral + (Gains.Ki * error * dt), 0, 100);
        var outdoor = outdoorTemperature is { } o ? Gains.Ke * (setpoint - o) : 0;
        Output = Math.Clamp((Gains.Kp * error) + Integral + derivative + outdoor, 0, 100);
        _lastAt = at;
        _lastTemperature = temperature;
        return Output;
    }
}
