using ProofOfHeat.Sim.Devices;
using ProofOfHeat.Sim.House;
using ProofOfHeat.Sim.Randomness;
using ProofOfHeat.Sim.Weather;

namespace ProofOfHeat.Sim;

/// <summary>
/// The simulated home: a 2R2C house, seeded winter weather, a room and an outdoor sensor and the
/// heat sources. It holds no clock: the caller advances it step by step, so it runs at any speed
/// and the same options always give the same run. Not thread-safe; callers serialise access.
/// </summary>
public sealed class SimulatedHome
{
    /// <summary>Id of the living-room temperature sensor.</summary>
    public const string RoomSensorId = "living_room_temperature";

    /// <summary>Id of the outdoor temperature sensor.</summary>
    public const string OutdoorSensorId = "outdoor_temperature";

    /// <summary>Id of the miner.</summary>
    public const string MinerId = "demo_miner";

    private readonly List<ISimulatedHeatSource> _heatSources;

    /// <summary>Builds the home at <see cref="SimulatedHomeOptions.Start"/>; both sensors take a first reading.</summary>
    public SimulatedHome(SimulatedHomeOptions? options = null)
    {
        Options = options ?? new SimulatedHomeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.Step, TimeSpan.Zero);
        Now = Options.Start;
        House = new TwoNodeHouse(Options.House, Options.InitialAirTemperature, Options.InitialMassTemperature);
        Weather = new SyntheticWinterWeather(Options.Seed, Options.Start, Options.Weather);
        RoomSensor = new SimulatedTemperatureSensor(RoomSensorId, Options.RoomSensor, SeededRandom.For(Options.Seed, 2));
        OutdoorSensor = new SimulatedTemperatureSensor(OutdoorSensorId, Options.OutdoorSensor, SeededRandom.For(Options.Seed, 3));
        Miner = new SimulatedMiner(MinerId, Options.Miner);
        _heatSources = [Miner];
        RoomSensor.Sample(Now, House.AirTemperature);
        OutdoorSensor.Sample(Now, OutdoorTemperature);
    }

    /// <summary>The options in use.</summary>
    public SimulatedHomeOptions Options { get; }

    /// <summary>The simulated instant.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>The house.</summary>
    public TwoNodeHouse House { get; }

    /// <summary>The weather.</summary>
    public SyntheticWinterWeather Weather { get; }

    /// <summary>The room sensor (in the air node).</summary>
    public SimulatedTemperatureSensor RoomSensor { get; }

    /// <summary>The outdoor sensor.</summary>
    public SimulatedTemperatureSensor OutdoorSensor { get; }

    /// <summary>The miner.</summary>
    public SimulatedMiner Miner { get; }

    /// <summary>All heat sources.</summary>
    public IReadOnlyList<ISimulatedHeatSource> HeatSources => _heatSources;

    /// <summary>The true outdoor temperature now, °C.</summary>
    public double OutdoorTemperature => Weather.TemperatureAt(Now);

    /// <summary>Heat delivered to the house since the start (sources and gains), J.</summary>
    public double TotalHeatIn { get; private set; }

    /// <summary>Heat lost to outdoors since the start, J.</summary>
    public double TotalHeatLost { get; private set; }

    /// <summary>Adds another heat source (a heat pump, a boiler, a second miner).</summary>
    public void AddHeatSource(ISimulatedHeatSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_heatSources.Any(s => string.Equals(s.Id, source.Id, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A heat source with id '{source.Id}' exists already.", nameof(source));
        }

        _heatSources.Add(source);
    }

    /// <summary>Commands the miner's power; returns the level it took.</summary>
    public int SetMinerPower(double watts) => Miner.RequestPower(watts, Now);

    /// <summary>Advances one step and returns the sensor reports sent at its end (possibly none).</summary>
    public IReadOnlyList<SensorReading> Step()
    {
        var step = Options.Step;
        var outdoor = OutdoorTemperature;
        var heat = new HeatInput(Options.InternalGainsWatts, 0);
        foreach (var source in _heatSources)
        {
            heat += source.Advance(Now, step, outdoor);
        }

        var result = House.Step(step, outdoor, heat);
        TotalHeatIn += result.HeatIn;
        TotalHeatLost += result.HeatLostToOutdoor;
        Now += step;

        var readings = new List<SensorReading>(2);
        if (RoomSensor.Sample(Now, House.AirTemperature) is { } room)
        {
            readings.Add(room);
        }

        if (OutdoorSensor.Sample(Now, OutdoorTemperature) is { } outside)
        {
            readings.Add(outside);
        }

        return readings;
    }

    /// <summary>Steps until <see cref="Now"/> reaches <paramref name="until"/> (whole steps) and returns every report on the way.</summary>
    public IReadOnlyList<SensorReading> AdvanceTo(DateTimeOffset until)
    {
        var readings = new List<SensorReading>();
        while (Now + Options.Step <= until)
        {
            readings.AddRange(Step());
        }

        return readings;
    }
}
