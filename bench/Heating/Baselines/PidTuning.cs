namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>HASmartThermostat gains (output in %, time in seconds); the defaults are the README's on/off example with Ke 0.6.</summary>
public sealed record PidTuning(double Kp = 50, double Ki = 0.01, double Kd = 2000, double Ke = 0.6);
