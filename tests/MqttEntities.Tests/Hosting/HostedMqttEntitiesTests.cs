using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Hosting;

/// <summary>The whole chain in a host: apps, the runtime, the MQTT connection, a real mosquitto and MQTT.js.</summary>
public sealed class HostedMqttEntitiesTests
{
    [Fact]
    public async Task MqttJs_ReadsOurConfigAndState_AndItsCommandReachesTheOwningApp()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await BrainHost.StartAsync(broker, s => s.AddHomeApp<MinerPowerApp>(), primary: new IdleBackend { ConnectOnStart = true });

        var seen = await NodeScript.RunAsync(
            "ha-client.js", broker.Url, "homeassistant/device/poh_miner1/config", "power_switch", "OFF", "OFF");

        Assert.True(seen.GetProperty("configRetained").GetBoolean());
        Assert.Equal("proof-of-heat", seen.GetProperty("origin").GetString());
        Assert.Equal("switch", seen.GetProperty("component").GetProperty("p").GetString());
        Assert.Equal("poh_miner1_power_switch", seen.GetProperty("component").GetProperty("uniq_id").GetString());
        Assert.Equal("online", seen.GetProperty("availability").GetProperty("poh/status").GetString());
        Assert.Equal("online", seen.GetProperty("availability").GetProperty("poh/miner1/availability").GetString());
        var states = seen.GetProperty("states").EnumerateArray().Select(s => (s.GetProperty("value").GetString(), s.GetProperty("retained").GetBoolean())).ToList();
        Assert.Equal(("ON", true), states[0]); // the app's state before the command, retained
        Assert.Contains(("OFF", false), states); // the state after the command, live
        Assert.Equal(["OFF"], host.Probe.Commands);
    }

    [Fact]
    public async Task CleanStop_MarksUsOffline_AndTheClientCarriesTheLastWill()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var host = await BrainHost.StartAsync(broker, _ => { });
        var will = host.Services.GetRequiredService<MqttClient>().Options.LastWill!;
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "poh/status");
        await using var _ = observer;
        await recorder.WaitForAsync(m => m.PayloadAsString() == "online", "online");

        await host.DisposeAsync();

        Assert.Equal(("poh/status", "offline", true), (will.Topic, System.Text.Encoding.UTF8.GetString(will.Payload.Span), will.Retain));
        await recorder.WaitForAsync(m => m.PayloadAsString() == "offline", "offline after a clean stop");
        var (late, lateRecorder) = await BrokerClients.ObserverAsync(broker, "poh/status");
        await using var __ = late;
        Assert.True((await lateRecorder.WaitForAsync(_ => true, "retained status")).Retain);
        Assert.Equal("offline", lateRecorder.All.Single().PayloadAsString());
    }

    [Fact]
    public async Task Zigbee2MqttLeak_MakesTheRuleCloseTheZigbee2MqttValve_WithoutHa()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await BrainHost.StartAsync(broker, s => s.AddHomeApp<LeakRuleApp>(), Devices);
        var (zigbee, commands) = await BrokerClients.ObserverAsync(broker, "zigbee2mqtt/+/set");
        await using var _ = zigbee;

        // The runtime can lose a change that lands while an app is being built (see the report), so let the rule start.
        await host.Probe.RuleStarted.Task.WaitAsync(TestTimeouts.Safety);

        // Retained, as Zigbee2MQTT can publish states: whether the brain subscribed before or after, it gets it.
        await zigbee.PublishAsync("zigbee2mqtt/leak_kitchen", """{"water_leak":true,"battery":91}""", MqttQualityOfService.AtLeastOnce, retain: true);

        var command = await commands.WaitForAsync(m => m.Topic == "zigbee2mqtt/main_valve/set", "valve command");
        Assert.Equal("""{"state":"OFF"}""", command.PayloadAsString());
        // Retained too: the brain subscribes device by device, and the valve's subscription may still be on its way
        // when the leak (the first device) already made the rule act.
        await zigbee.PublishAsync("zigbee2mqtt/main_valve", """{"state":"OFF"}""", MqttQualityOfService.AtLeastOnce, retain: true);
        await host.Probe.ValveClosed.Task.WaitAsync(TestTimeouts.Safety); // the app sees the valve's report, as from HA
        Assert.Equal("on", host.Runtime.GetState("binary_sensor.leak_kitchen")!.State);
        Assert.False(host.Runtime.IsConnected); // HA (the primary backend) never connected
        Assert.Empty(host.Primary.Calls);
    }

    [Fact]
    public async Task ServiceCall_WithMixedTargets_SplitsBetweenZigbee2MqttAndThePrimary()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var primary = new IdleBackend
        {
            ConnectOnStart = true,
            Snapshot = [AppModel.Entities.EntityState.Create("switch.main_valve", "on", DateTimeOffset.UnixEpoch), AppModel.Entities.EntityState.Create("switch.heater", "on", DateTimeOffset.UnixEpoch)],
        };
        await using var host = await BrainHost.StartAsync(broker, _ => { }, Devices, primary);
        var (zigbee, commands) = await BrokerClients.ObserverAsync(broker, "zigbee2mqtt/+/set");
        await using var _ = zigbee;
        var backend = host.Services.GetRequiredService<AppModel.Backend.IHomeBackend>();
        await primary.HasConnected.Task.WaitAsync(TestTimeouts.Safety);

        await backend.CallServiceAsync(new ServiceCall("switch", "turn_off", ServiceTarget.Entities("switch.main_valve", "switch.heater"), null), CancellationToken.None)
            .WaitAsync(TestTimeouts.Safety);

        Assert.Equal("""{"state":"OFF"}""", (await commands.WaitForAsync(m => m.Topic == "zigbee2mqtt/main_valve/set", "valve command")).PayloadAsString());
        Assert.Equal(["switch.heater"], primary.Calls.Single().Target!.EntityIds!);
        // The device owns its entity id: HA's state for the same id is hidden behind the Zigbee2MQTT one.
        Assert.Equal("unknown", host.Runtime.GetState("switch.main_valve")!.State);
        Assert.Equal("on", host.Runtime.GetState("switch.heater")!.State);
        Assert.Equal("idle+zigbee2mqtt", backend.Name);
    }

    private static void Devices(Zigbee2MqttOptions options)
    {
        options.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "leak_kitchen", Property = "water_leak", EntityId = "binary_sensor.leak_kitchen", StaleAfter = TimeSpan.FromHours(25) });
        options.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "main_valve", Property = "state", EntityId = "switch.main_valve" });
    }
}
