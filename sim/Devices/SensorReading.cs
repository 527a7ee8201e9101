namespace ProofOfHeat.Sim.Devices;

/// <summary>One report a simulated sensor sent.</summary>
/// <param name="SensorId">The sensor that reported.</param>
/// <param name="Value">The reported (quantised) value.</param>
/// <param name="At">When it reported.</param>
/// <param name="IsHeartbeat">Whether this report only repeats the previous value.</param>
public sealed record SensorReading(string SensorId, double Value, DateTimeOffset At, bool IsHeartbeat);
