using ProofOfHeat.Mqtt;
using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Sim.HeatSources.SgReady;

/// <summary>
/// An SG-Ready heat pump wired to two Tasmota relays on a real MQTT broker. The pump is the plant's
/// <see cref="HeatPumpSource"/>: blocked stops it, normal runs it at its middle level, recommended higher, forced at
/// full power. Every contact combination it sees is recorded, so a test can tell whether a forbidden one was passed.
/// </summary>
public sealed class SgReadyHeatPumpSimulator : IAsyncDisposable
{
    private readonly MqttClient _mqtt;
    private readonly SimulatedTasmotaRelay _contact1;
    private readonly SimulatedTasmotaRelay _contact2;
    private readonly HeatPumpSource _pump = HeatPumpSource.Standard("sg-ready");
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<(bool Contact1, bool Contact2)> _seen = [(false, false)];

    private SgReadyHeatPumpSimulator(MqttClient mqtt, string topic1, string topic2, TimeProvider time)
    {
        _mqtt = mqtt;
        _time = time;
        _contact1 = new SimulatedTasmotaRelay(mqtt, topic1, Faults, _ => Switched());
        _contact2 = new SimulatedTasmotaRelay(mqtt, topic2, Faults, _ => Switched());
        Apply(false, false);
    }

    /// <summary>Switchable misbehaviour.</summary>
    public SgReadySimulatorFaults Faults { get; } = new();

    /// <summary>Every contact combination the pump has seen, in order (contact 1, contact 2), starting with 0:0.</summary>
    public IReadOnlyList<(bool Contact1, bool Contact2)> Seen
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Switch commands the relays received.</summary>
    public int CommandCount => Volatile.Read(ref _contact1.CommandCount) + Volatile.Read(ref _contact2.CommandCount);

    /// <summary>The pump's level now, thermal W.</summary>
    public double LevelWatts
    {
        get
        {
            lock (_gate)
            {
                return _pump.Level;
            }
        }
    }

    /// <summary>Connects the relays to the broker.</summary>
    public static async Task<SgReadyHeatPumpSimulator> StartAsync(MqttClientOptions broker, string topic1, string topic2, TimeProvider time, CancellationToken cancellationToken)
    {
        var mqtt = new MqttClient(broker, TimeProvider.System);
        await mqtt.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var simulator = new SgReadyHeatPumpSimulator(mqtt, topic1, topic2, time);
        await simulator._contact1.SubscribeAsync(cancellationToken).ConfigureAwait(false);
        await simulator._contact2.SubscribeAsync(cancellationToken).ConfigureAwait(false);
        return simulator;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _mqtt.DisposeAsync();

    private void Switched()
    {
        lock (_gate)
        {
            var now = (_contact1.Closed, _contact2.Closed);
            _seen.Add(now);
            Apply(now.Item1, now.Item2);
        }
    }

    // The pump follows the state at once; its own minimum run and rest times still hold (PlantSource defers).
    private void Apply(bool contact1, bool contact2)
    {
        var top = _pump.Levels[^1];
        var level = (contact1, contact2) switch
        {
            (true, false) => 0,
            (false, false) => top * 0.5,
            (false, true) => top * 0.75,
            _ => top,
        };
        _pump.Command(_time.GetUtcNow(), level);
    }
}
