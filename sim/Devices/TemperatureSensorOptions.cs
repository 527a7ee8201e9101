namespace ProofOfHeat.Sim.Devices;

/// <summary>
/// How a simulated temperature sensor reports. The defaults describe a battery Zigbee room sensor
/// (bench/Heating/README.md, The plant): 0.1 K resolution, σ = 0.05 K noise, a report when the
/// value moves by 0.1 K, and a heartbeat so silence can be told from "nothing changed".
/// </summary>
public sealed record TemperatureSensorOptions
{
    /// <summary>Quantisation step of reported values, K.</summary>
    public double Resolution { get; init; } = 0.1;

    /// <summary>Standard deviation of the measurement noise, K.</summary>
    public double NoiseSigma { get; init; } = 0.05;

    /// <summary>Report when the quantised value moved this much since the last report; <see langword="null"/> reports on the heartbeat only.</summary>
    public double? ReportOnChange { get; init; } = 0.1;

    /// <summary>Longest time between two reports.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An outdoor sensor: periodic only, every 10 minutes.</summary>
    public static TemperatureSensorOptions Outdoor { get; } = new()
    {
        ReportOnChange = null,
        Heartbeat = TimeSpan.FromMinutes(10),
    };
}
