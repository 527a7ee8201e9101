using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Zigbee2Mqtt;

/// <summary>
/// Zigbee2MQTT devices at start-up, against a real mosquitto: one wildcard subscription, in place before the backend
/// reports ready, so a non-retained message published at that moment reaches its entity.
/// </summary>
public sealed class Zigbee2MqttStartupTests
{
    private const int DeviceCount = 24;
    private const string GardenLeak = "binary_sensor.garden_leak";

    [Fact]
    public async Task NonRetainedMessages_PublishedTheMomentTheBackendIsReady_ReachEveryEntity()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var zigbee = new MqttClient(BrokerClients.Options(broker, "z2m"), TimeProvider.System);
        await zigbee.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        await using var brain = new MqttClient(BrokerClients.Options(broker, "brain"), TimeProvider.System);
        await brain.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        var logs = new CapturingLoggerProvider();
        await using var devices = new Zigbee2MqttDevices(brain, Options(), TimeProvider.System, logs.CreateFactory().CreateLogger<Zigbee2MqttDevices>());
        var backend = new MqttDevicesHomeBackend(new IdleBackend { ConnectOnStart = true }, devices);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();

        var running = backend.RunAsync(sink, stop.Token);
        await sink.Ready.Task.WaitAsync(TestTimeouts.Safety);

        // Right away, as a device that happens to report while the brain starts: QoS 0, not retained.
        await PublishToEveryDeviceAsync(zigbee);
        var seen = await sink.WaitUntilAsync(SawEveryDevice);

        Assert.All(seen, c => Assert.True(devices.Owns(c.EntityId), $"a change for {c.EntityId}, which is no device's"));
        Assert.Empty(logs.AtLeast(LogLevel.Warning));
        await stop.CancelAsync();
        await running.WaitAsync(TestTimeouts.Safety);
    }

    [Fact]
    public async Task BrokerConnectsAfterTheBackendIsReady_MessagesFromTheMomentItReportsConnected_ReachEveryEntity()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var zigbee = new MqttClient(BrokerClients.Options(broker, "z2m"), TimeProvider.System);
        await zigbee.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        await using var brain = new MqttClient(BrokerClients.Options(broker, "brain"), TimeProvider.System);
        var brainConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        brain.Connected += (_, _) => brainConnected.TrySetResult();
        await using var devices = new Zigbee2MqttDevices(
            brain, Options(), TimeProvider.System, new CapturingLoggerProvider().CreateFactory().CreateLogger<Zigbee2MqttDevices>());
        var backend = new MqttDevicesHomeBackend(new IdleBackend { ConnectOnStart = true }, devices);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();

        // As in the host, HA may be ready before the broker connection: the filters wait in the client and go out
        // on connect, before the client reports itself connected.
        var running = backend.RunAsync(sink, stop.Token);
        await sink.Ready.Task.WaitAsync(TestTimeouts.Safety);
        await brain.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        await brainConnected.Task.WaitAsync(TestTimeouts.Safety);
        await PublishToEveryDeviceAsync(zigbee);

        await sink.WaitUntilAsync(SawEveryDevice);
        await stop.CancelAsync();
        await running.WaitAsync(TestTimeouts.Safety);
    }

    [Fact]
    public async Task TopicFilters_OnePairPerNameDepth_NotOnePerDevice()
    {
        await using var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1" }, TimeProvider.System);
        await using var devices = new Zigbee2MqttDevices(
            client, Options(), TimeProvider.System, new CapturingLoggerProvider().CreateFactory().CreateLogger<Zigbee2MqttDevices>());

        Assert.Equal(
            ["zigbee2mqtt/+", "zigbee2mqtt/+/availability", "zigbee2mqtt/+/+", "zigbee2mqtt/+/+/availability"],
            devices.TopicFilters());
    }

    private static async Task PublishToEveryDeviceAsync(MqttClient zigbee)
    {
        for (var i = 0; i < DeviceCount; i++)
        {
            await zigbee.PublishAsync(Topic(i), $$"""{"temperature":{{20 + i}}.5,"linkquality":99}""", MqttQualityOfService.AtMostOnce);
        }

        await zigbee.PublishAsync("zigbee2mqtt/garden/leak", """{"water_leak":true}""", MqttQualityOfService.AtMostOnce);
        await zigbee.PublishAsync("zigbee2mqtt/plug_nobody_uses", """{"state":"ON"}""", MqttQualityOfService.AtMostOnce);
        await zigbee.PublishAsync("zigbee2mqtt/bridge/state", """{"state":"online"}""", MqttQualityOfService.AtMostOnce);
        await zigbee.PublishAsync("zigbee2mqtt/sensor_00/availability", "offline", MqttQualityOfService.AtMostOnce);
    }

    // Every device's value, the nested name's too, and the first sensor's availability going offline after its value.
    private static bool SawEveryDevice(IReadOnlyList<StateChange> changes) =>
        Enumerable.Range(0, DeviceCount)
            .Select(i => (EntityId(i), (20 + i).ToString(CultureInfo.InvariantCulture) + ".5"))
            .Append((GardenLeak, "on"))
            .Append((EntityId(0), "unavailable"))
            .All(e => changes.Any(c => (c.EntityId, c.New?.State) == e));

    private static string Topic(int i) => string.Create(CultureInfo.InvariantCulture, $"zigbee2mqtt/sensor_{i:00}");

    private static string EntityId(int i) => string.Create(CultureInfo.InvariantCulture, $"sensor.room_{i:00}");

    private static Zigbee2MqttOptions Options()
    {
        var options = new Zigbee2MqttOptions();
        for (var i = 0; i < DeviceCount; i++)
        {
            options.Entities.Add(new Zigbee2MqttEntityOptions
            {
                FriendlyName = string.Create(CultureInfo.InvariantCulture, $"sensor_{i:00}"), Property = "temperature", EntityId = EntityId(i),
            });
        }

        // Zigbee2MQTT friendly names may hold '/' (to group devices); such a name is one level deeper.
        options.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "garden/leak", Property = "water_leak", EntityId = GardenLeak });
        return options;
    }

    /// <summary>The runtime's side: records the devices' changes and says when the backend reported ready.</summary>
    private sealed class RecordingSink : IHomeStateSink
    {
        private readonly List<StateChange> _changes = [];
        private readonly List<(Func<IReadOnlyList<StateChange>, bool> Done, TaskCompletionSource<IReadOnlyList<StateChange>> Signal)> _waiters = [];

        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Connected(IReadOnlyCollection<EntityState> snapshot) => Ready.TrySetResult();

        public void StateChanged(StateChange change)
        {
            lock (_changes)
            {
                // The announcement of each device (unknown, from nothing) is not a message from it.
                if (change.Old is not null)
                {
                    _changes.Add(change);
                }

                foreach (var waiter in _waiters.Where(w => w.Done(_changes)).ToList())
                {
                    waiter.Signal.TrySetResult([.. _changes]);
                    _waiters.Remove(waiter);
                }
            }
        }

        public async Task<IReadOnlyList<StateChange>> WaitUntilAsync(Func<IReadOnlyList<StateChange>, bool> done)
        {
            var signal = new TaskCompletionSource<IReadOnlyList<StateChange>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_changes)
            {
                if (done(_changes))
                {
                    return [.. _changes];
                }

                _waiters.Add((done, signal));
            }

            try
            {
                return await signal.Task.WaitAsync(TestTimeouts.Safety);
            }
            catch (TimeoutException ex)
            {
                lock (_changes)
                {
                    throw new TimeoutException($"changes so far: {string.Join(", ", _changes.Select(c => $"{c.EntityId}={c.New?.State}"))}", ex);
                }
            }
        }

        public void EventReceived(HomeEvent homeEvent)
        {
        }

        public void Disconnected(string reason)
        {
        }
    }
}
