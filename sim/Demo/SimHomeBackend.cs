using System.Globalization;
using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Sim;
using ProofOfHeat.Sim.Devices;

namespace ProofOfHeat.Demo;

/// <summary>
/// The demo's home: bridges <see cref="SimulatedHome"/> to the app model as if it were Home
/// Assistant. It steps the simulation on the (scaled) clock, one plant step per simulated step
/// length, turns sensor reports into state changes, and serves <c>number.set_value</c> on the
/// miner's power limit. All access to the simulation is under one lock, and the sink is called
/// under it too so changes reach the runtime in the order they happened.
/// </summary>
/// <remarks>
/// With a <see cref="DemoMinerFarm"/>, the power limit is the heating's demand on the farm (which
/// the fleet shares out over real protocol simulators) and the power sensor is the farm's draw.
/// </remarks>
/// <remarks>
/// With <see cref="DemoSafetyDevices"/>, the leak sensor, the valve, the towel heater and the main meter are entities
/// too, stepped with the house; the valve and the switches obey service calls.
/// </remarks>
internal sealed partial class SimHomeBackend(
    SimulatedHome home, TimeProvider timeProvider, ILogger<SimHomeBackend> logger, DemoMinerFarm? farm = null, DemoSafetyDevices? safety = null) : IHomeBackend
{
    private readonly object _gate = new();
    private readonly Dictionary<string, EntityState> _states = new(StringComparer.Ordinal);
    private IHomeStateSink? _sink;

    /// <inheritdoc />
    public string Name => "sim";

    /// <inheritdoc />
    public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            // Catch up silently on the time the host took to start, then hand over a current snapshot.
            CatchUp(timeProvider.GetUtcNow());
            BuildStates();
            _sink = sink;
            sink.Connected(_states.Values.ToList());
        }

        LogStarted(logger, home.Now, home.House.AirTemperature, home.OutdoorTemperature);
        using var timer = new PeriodicTimer(home.Options.Step, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                lock (_gate)
                {
                    CatchUp(timeProvider.GetUtcNow());
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
        finally
        {
            lock (_gate)
            {
                _sink = null;
            }
        }
    }

    /// <inheritdoc />
    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceCall);
        try
        {
            lock (_gate)
            {
                if (safety is not null && safety.TryCall(serviceCall, home.Now, out var changed))
                {
                    Publish(changed);
                    return Task.FromResult<JsonElement?>(null);
                }
            }

            SetValue(serviceCall);
            return Task.FromResult<JsonElement?>(null);
        }
        catch (ServiceCallException ex)
        {
            // Rejections travel in the task, as they would from a real backend's reply.
            return Task.FromException<JsonElement?>(ex);
        }
    }

    private void SetValue(ServiceCall serviceCall)
    {
        if (!string.Equals(serviceCall.Domain, "number", StringComparison.Ordinal)
            || !string.Equals(serviceCall.Service, "set_value", StringComparison.Ordinal))
        {
            throw new ServiceCallException("not_found", $"Service {serviceCall.Domain}.{serviceCall.Service} not found.");
        }

        if (serviceCall.Target?.EntityIds is not [SimEntityStates.MinerPowerLimit])
        {
            throw new ServiceCallException("service_validation_error", $"number.set_value needs the target {SimEntityStates.MinerPowerLimit}.");
        }

        if (farm is not null)
        {
            throw new ServiceCallException(
                "service_validation_error",
                $"{SimEntityStates.MinerPowerLimit} is the plain heater's, and the miner-farm demo has none: the heating plans the farm's miners through the fleet.");
        }

        var watts = ReadValue(serviceCall.Data);
        lock (_gate)
        {
            var maximum = home.Miner.Options.MaximumPower;
            if (watts < 0 || watts > maximum)
            {
                throw new ServiceCallException(
                    "service_validation_error",
                    string.Create(CultureInfo.InvariantCulture, $"Value {watts} is outside 0..{maximum} W."));
            }

            var level = home.SetMinerPower(watts);
            Publish(SimEntityStates.PowerLimit(level, maximum, LevelStep(home.Miner.Options), home.Now));
        }
    }

    private static double ReadValue(object? data)
    {
        var json = ServiceData.ToJson(data) ?? default;

        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("value", out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String
                && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && double.IsFinite(parsed))
            {
                return parsed;
            }
        }

        throw new ServiceCallException("service_validation_error", "number.set_value needs a numeric \"value\".");
    }

    private static int LevelStep(MinerOptions options)
    {
        var levels = options.PowerLevels.Order().ToList();
        var steps = levels.Zip(levels.Skip(1), (a, b) => b - a).Where(d => d > 0).ToList();
        return steps.Count == 0 ? 1 : steps.Min();
    }

    private void BuildStates()
    {
        var now = home.Now;
        _states.Clear();
        Add(RoomState(home.RoomSensor.LastReading));
        Add(OutdoorState(home.OutdoorSensor.LastReading));
        Add(farm is null
            ? SimEntityStates.PowerLimit(home.Miner.RequestedPowerWatts, home.Miner.Options.MaximumPower, LevelStep(home.Miner.Options), now)
            : null);
        Add(SimEntityStates.Power(HeaterPower, now));
        foreach (var state in safety?.States(now, HeaterPower) ?? [])
        {
            Add(state);
        }

        void Add(EntityState? state)
        {
            if (state is not null)
            {
                _states[state.EntityId] = state;
            }
        }
    }

    private void CatchUp(DateTimeOffset now)
    {
        while (home.Now + home.Options.Step <= now)
        {
            var readings = home.Step();
            if (_sink is null)
            {
                continue;
            }

            foreach (var reading in readings)
            {
                Publish(reading.SensorId == SimulatedHome.RoomSensorId ? RoomState(reading) : OutdoorState(reading));
            }

            foreach (var state in safety?.Step(home.Now, HeaterPower) ?? [])
            {
                Publish(state);
            }

            var power = SimEntityStates.Power(HeaterPower, home.Now);
            if (!string.Equals(_states.GetValueOrDefault(SimEntityStates.MinerPower)?.State, power.State, StringComparison.Ordinal))
            {
                Publish(power);
            }
        }
    }

    private double HeaterPower => farm?.PowerWatts ?? home.Miner.PowerWatts;

    private static EntityState? RoomState(SensorReading? reading) => reading is null
        ? null
        : SimEntityStates.Temperature(SimEntityStates.RoomTemperature, "Living room temperature", reading.Value, reading.At);

    private static EntityState? OutdoorState(SensorReading? reading) => reading is null
        ? null
        : SimEntityStates.Temperature(SimEntityStates.OutdoorTemperature, "Outdoor temperature", reading.Value, reading.At);

    private void Publish(EntityState? next)
    {
        if (next is null)
        {
            return;
        }

        _states.TryGetValue(next.EntityId, out var old);
        if (old is not null && string.Equals(old.State, next.State, StringComparison.Ordinal))
        {
            // An attribute-only change (a heartbeat's last_seen) keeps last_changed, as HA does.
            next = next with { LastChanged = old.LastChanged };
        }

        _states[next.EntityId] = next;
        _sink?.StateChanged(new StateChange(next.EntityId, old, next));
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Simulated home running from {SimulatedTime:O}: room {Room:F1} °C, outdoor {Outdoor:F1} °C")]
    private static partial void LogStarted(ILogger logger, DateTimeOffset simulatedTime, double room, double outdoor);
}
