using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.MqttEntities.Tests.Zigbee2Mqtt;

/// <summary>Zigbee2MQTT devices as entities, against a real mosquitto; staleness on a fake clock.</summary>
public sealed class Zigbee2MqttDevicesTests
{
    private const string Leak = "binary_sensor.leak_kitchen";
    private const string Valve = "switch.main_valve";

    [Fact]
    public async Task StateMessages_BecomeEntityStates_AndStaleAfterTheLastSeenTimeout()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider();
        await using var fixture = await DevicesFixture.StartAsync(broker, time);
        Assert.Equal("unknown", fixture.Devices.GetState(Leak)!.State);

        await fixture.SendAsync("zigbee2mqtt/leak_kitchen", """{"water_leak":true,"battery":97,"linkquality":120}""");
        var on = await fixture.Changes.WaitForAsync(Leak, "on");
        var seenAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal("on", fixture.Devices.GetState(Leak)!.State);
        Assert.Equal("Kitchen leak", on.New!.Attribute("friendly_name")!.Value.GetString());
        Assert.Equal("moisture", on.New.Attribute("device_class")!.Value.GetString());

        time.Advance(TimeSpan.FromMinutes(2));
        var stale = await fixture.Changes.WaitForAsync(Leak, "unavailable");
        Assert.Equal(seenAt + TimeSpan.FromHours(1), stale.New!.LastChanged);
        Assert.Equal(seenAt, fixture.Devices.LastSeen(Leak));
        Assert.Contains(fixture.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(Leak, StringComparison.Ordinal));

        await fixture.SendAsync("zigbee2mqtt/leak_kitchen", """{"water_leak":false}""");
        await fixture.Changes.WaitForAsync(Leak, "off");
    }

    [Fact]
    public async Task NoMessageAtAll_BecomesUnavailableAfterTheTimeout_AndAvailabilityOfflineToo()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider();
        await using var fixture = await DevicesFixture.StartAsync(broker, time);

        time.Advance(TimeSpan.FromHours(1));
        await fixture.Changes.WaitForAsync(Leak, "unavailable");

        await fixture.SendAsync("zigbee2mqtt/main_valve", """{"state":"ON"}""");
        await fixture.Changes.WaitForAsync(Valve, "on");
        await fixture.SendAsync("zigbee2mqtt/main_valve/availability", """{"state":"offline"}""");
        await fixture.Changes.WaitForAsync(Valve, "unavailable");
        await fixture.SendAsync("zigbee2mqtt/main_valve/availability", """{"state":"online"}""");
        await fixture.Changes.WaitForAsync(Valve, "on");
    }

    [Fact]
    public async Task AvailabilityOfAnUndocumentedShape_IgnoredWithADebugLine_NeverAHandlerException()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var fixture = await DevicesFixture.StartAsync(broker, new FakeTimeProvider());
        await fixture.SendAsync("zigbee2mqtt/main_valve", """{"state":"ON"}""");
        await fixture.Changes.WaitForAsync(Valve, "on");
        string[] hostile = ["""{"state":1}""", """{"state":null}""", "[1]", "\"online\"", "maybe", "{", """{"state":{"x":1}}"""];

        foreach (var payload in hostile)
        {
            await fixture.SendAsync("zigbee2mqtt/main_valve/availability", payload);
        }

        // Delivered in order on one topic: once this one is applied, every hostile one before it was handled.
        await fixture.SendAsync("zigbee2mqtt/main_valve/availability", "offline");
        await fixture.Changes.WaitForAsync(Valve, "unavailable");
        Assert.Equal(hostile.Length, fixture.Logs.Lines.Count(l => l.EventId.Id == 3103 && l.Level == LogLevel.Debug));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Exception is not null || l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ServiceCall_OnAValve_PublishesTheSetCommand()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var fixture = await DevicesFixture.StartAsync(broker, new FakeTimeProvider());
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "zigbee2mqtt/main_valve/set");
        await using var _ = observer;

        await fixture.Devices.CallServiceAsync(Valve, new ServiceCall("switch", "turn_off", ServiceTarget.Entities(Valve), null), CancellationToken.None)
            .WaitAsync(TestTimeouts.Safety);

        var command = await recorder.WaitForAsync(m => true, "valve set command");
        Assert.Equal("""{"state":"OFF"}""", command.PayloadAsString());
        Assert.Contains(fixture.Logs.Lines, l => l.Message.Contains("switch.turn_off", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ServiceCallException>(() =>
            fixture.Devices.CallServiceAsync(Leak, new ServiceCall("binary_sensor", "turn_off", null, null), CancellationToken.None));
    }

    /// <summary>A registry with a leak sensor (stale after 1 h) and a valve, subscribed on a real broker.</summary>
    private sealed class DevicesFixture : IAsyncDisposable
    {
        private MqttClient _brain = null!;
        private MqttClient _sender = null!;

        public Zigbee2MqttDevices Devices { get; private set; } = null!;

        public ChangeRecorder Changes { get; } = new();

        public CapturingLoggerProvider Logs { get; } = new();

        public static async Task<DevicesFixture> StartAsync(MosquittoBroker broker, TimeProvider time)
        {
            var fixture = new DevicesFixture();
            fixture._brain = new MqttClient(
                BrokerClients.Options(broker, "brain"), TimeProvider.System, fixture.Logs.CreateFactory().CreateLogger<MqttClient>());
            fixture.Devices = new Zigbee2MqttDevices(fixture._brain, Options(), time, fixture.Logs.CreateFactory().CreateLogger<Zigbee2MqttDevices>());
            fixture.Devices.SetListener(fixture.Changes.Record);
            await fixture.Devices.StartAsync(CancellationToken.None);
            await fixture._brain.ConnectAsync().WaitAsync(TestTimeouts.Safety);
            fixture._sender = new MqttClient(BrokerClients.Options(broker, "z2m"), TimeProvider.System);
            await fixture._sender.ConnectAsync().WaitAsync(TestTimeouts.Safety);
            return fixture;
        }

        public static Zigbee2MqttOptions Options()
        {
            var options = new Zigbee2MqttOptions();
            options.Entities.Add(new Zigbee2MqttEntityOptions
            {
                FriendlyName = "leak_kitchen", Property = "water_leak", EntityId = Leak, StaleAfter = TimeSpan.FromHours(1),
                Name = "Kitchen leak", DeviceClass = "moisture",
            });
            options.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "main_valve", Property = "state", EntityId = Valve });
            return options;
        }

        public async Task SendAsync(string topic, string payload)
        {
            var receipt = await _sender.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce);
            await receipt.Delivered.WaitAsync(TestTimeouts.Safety);
        }

        public async ValueTask DisposeAsync()
        {
            await Devices.DisposeAsync();
            await _sender.DisposeAsync();
            await _brain.DisposeAsync();
        }
    }
}
