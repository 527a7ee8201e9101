using ProofOfHeat.Sim.Devices;
using ProofOfHeat.Sim.House;
using ProofOfHeat.Sim.Weather;

namespace ProofOfHeat.Sim;

/// <summary>Everything that defines one simulated home run; equal options give equal runs.</summary>
public sealed record SimulatedHomeOptions
{
    /// <summary>Seed for weather and sensor noise.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The simulated instant the run starts at (default: a Monday winter morning, 06:00 UTC).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Integration step of the plant (PoH-Bench uses 60 s).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The house (H-M by default).</summary>
    public HouseParameters House { get; init; } = HouseParameters.Medium;

    /// <summary>Air temperature at the start, °C (a little cool, so the first decisions heat).</summary>
    public double InitialAirTemperature { get; init; } = 19.5;

    /// <summary>Mass temperature at the start, °C.</summary>
    public double InitialMassTemperature { get; init; } = 19.0;

    /// <summary>Constant internal gains (people, appliances) into the air, W.</summary>
    public double InternalGainsWatts { get; init; } = 300;

    /// <summary>
    /// The weather. A mild winter (+4 °C mean) by default, because one 3 kW miner can hold 21 °C in
    /// H-M only down to about +2 °C; colder runs need a second source.
    /// </summary>
    public WinterWeatherOptions Weather { get; init; } = new() { DailyMean = 4 };

    /// <summary>The miner.</summary>
    public MinerOptions Miner { get; init; } = new();

    /// <summary>The room sensor.</summary>
    public TemperatureSensorOptions RoomSensor { get; init; } = new();

    /// <summary>The outdoor sensor.</summary>
    public TemperatureSensorOptions OutdoorSensor { get; init; } = TemperatureSensorOptions.Outdoor;
}
