namespace ProofOfHeat.Control.Baselines;

/// <summary>
/// Gains of <see cref="PidController"/>, in HASmartThermostat's units: the output is a percentage,
/// the error is in kelvin and time is in seconds.
/// </summary>
/// <param name="Kp">Proportional gain, %/K.</param>
/// <param name="Ki">Integral gain, %/(K·s).</param>
/// <param name="Kd">Derivative gain, %·s/K.</param>
/// <param name="Ke">Outdoor compensation gain, %/K of (setpoint − outdoor).</param>
public sealed record PidGains(double Kp = 50, double Ki = 0.01, double Kd = 2000, double Ke = 0.6);
