using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Discovery;

/// <summary>The entity manager against a real mosquitto (scripts/install-mqtt-test-deps.sh installs it).</summary>
public sealed class DiscoveryMosquittoTests
{
    private const string MinerConfig = "homeassistant/device/poh_miner1/config";

    [Fact]
    public async Task Configs_AreRetained_AndReadByALateSubscriber_WithStatesAndAvailability()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (live, liveRecorder) = await BrokerClients.ObserverAsync(broker, "homeassistant/device/+/config");
        await using var _ = live;
        await using var run = await ManagerRun.StartAsync(broker, SampleEntities.Declare);
        run.Manager.GetEntity<MqttSensor>("miner1", "power").PublishState(1234.5);
        run.Manager.GetEntity<MqttSwitch>("miner1", "power_switch").PublishState(true);
        run.Manager.FindDevice("miner1")!.SetAvailable(false);
        await liveRecorder.WaitForAsync(m => m.Topic == "homeassistant/device/poh_brain/config", "the last device announced");

        var (late, recorder) = await BrokerClients.ObserverAsync(broker, "#");
        await using var __ = late;
        var config = await recorder.WaitForAsync(m => m.Topic == MinerConfig, "retained miner config");
        var power = await recorder.WaitForAsync(m => m.Topic == "poh/miner1/power/state", "retained power state");
        var availability = await recorder.WaitForAsync(m => m.Topic == "poh/status", "retained availability");

        Assert.True(config.Retain);
        Assert.Empty(HaDiscoverySchema.Check(config.PayloadAsString()));
        Assert.Equal(("1234.5", true), (power.PayloadAsString(), power.Retain));
        Assert.Equal(("online", true), (availability.PayloadAsString(), availability.Retain));
        var minerAvailability = await recorder.WaitForAsync(m => m.Topic == "poh/miner1/availability", "retained miner availability");
        Assert.Equal(("offline", true), (minerAvailability.PayloadAsString(), minerAvailability.Retain));
        foreach (var device in new[] { "poh_zone_living", "poh_brain" })
        {
            var other = await recorder.WaitForAsync(m => m.Topic == $"homeassistant/device/{device}/config", device);
            Assert.True(other.Retain);
            Assert.Empty(HaDiscoverySchema.Check(other.PayloadAsString()));
        }
    }

    [Fact]
    public async Task BirthMessage_ReannouncesConfigsThenStates()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "#");
        await using var _ = observer;
        await using var run = await ManagerRun.StartAsync(broker, SampleEntities.Declare);
        run.Manager.GetEntity<MqttSensor>("miner1", "hashrate").PublishState(104.2);
        await recorder.WaitForAsync(m => m.Topic == "poh/miner1/hashrate/state", "first hashrate");
        await recorder.WaitForAsync(m => m.Topic == MinerConfig, "first announce");
        var before = recorder.All.Count(m => m.Topic == MinerConfig);

        var again = recorder.WaitForNextAsync(m => m.Topic == MinerConfig, "config after the birth message");
        await observer.PublishAsync("homeassistant/status", "online", MqttQualityOfService.AtLeastOnce);
        var config = await again;
        var state = await recorder.WaitForAfterAsync(config, m => m.Topic == "poh/miner1/hashrate/state", "state after the new config");

        Assert.False(config.Retain); // a live re-announcement, not the broker's replay
        Assert.Empty(HaDiscoverySchema.Check(config.PayloadAsString()));
        Assert.Equal("104.2", state.PayloadAsString());
        Assert.Equal(before + 1, recorder.All.Count(m => m.Topic == MinerConfig));
    }

    [Fact]
    public async Task EntitiesThatLeftTheConfig_AreRemovedWithEmptyRetainedPayloads()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using (var first = await ManagerRun.StartAsync(broker, entities =>
        {
            SampleEntities.Declare(entities);
            entities.Device(SampleEntities.Miner).Add(new MqttSensor("fan_speed") { Name = "Fan", Unit = "rpm", StateClass = "measurement" });
            entities.Device(new MqttDeviceInfo("old_heater", "Old heater")).Add(new MqttBinarySensor("fault"));
        }))
        {
            first.Manager.GetEntity<MqttSensor>("miner1", "fan_speed").PublishState(4200);
            var (check, seen) = await BrokerClients.ObserverAsync(broker, "#");
            await seen.WaitForAsync(m => m.Topic == "poh/miner1/fan_speed/state", "fan speed state");
            await seen.WaitForAsync(m => m.Topic == "homeassistant/device/poh_old_heater/config", "old heater config");
            await check.DisposeAsync();
        }

        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "#");
        await using var _ = observer;
        await recorder.WaitForAsync(m => m.Topic == "homeassistant/device/poh_old_heater/config" && m.Retain, "retained leftover before run 2");
        await using var second = await ManagerRun.StartAsync(broker, SampleEntities.Declare);

        var heaterGone = await recorder.WaitForAsync(m => m.Topic == "homeassistant/device/poh_old_heater/config" && !m.Retain, "old heater removal");
        var stateGone = await recorder.WaitForAsync(m => m.Topic == "poh/miner1/fan_speed/state" && !m.Retain, "fan state cleared");
        var stub = await recorder.WaitForAsync(m => m.Topic == MinerConfig && !m.Retain && m.PayloadAsString().Contains("fan_speed", StringComparison.Ordinal), "fan stub");
        var final = await recorder.WaitForAsync(m => m.Topic == MinerConfig && !m.Retain && !m.PayloadAsString().Contains("fan_speed", StringComparison.Ordinal), "miner without fan");

        Assert.Equal(0, heaterGone.Payload.Length);
        Assert.Equal(0, stateGone.Payload.Length);
        Assert.Equal("""{"p":"sensor"}""", JsonNode.Parse(stub.PayloadAsString())!["cmps"]!["fan_speed"]!.ToJsonString());
        Assert.Empty(HaDiscoverySchema.Check(final.PayloadAsString()));
        Assert.Contains(second.Logs.Lines, l => l.Message.Contains("poh_old_heater removed", StringComparison.Ordinal));

        // A late subscriber no longer finds the removed device (the broker dropped the retained message).
        var (late, lateRecorder) = await BrokerClients.ObserverAsync(broker, "homeassistant/device/+/config");
        await using var __ = late;
        await lateRecorder.WaitForAsync(m => m.Topic == MinerConfig, "retained miner config");
        await lateRecorder.WaitForAsync(m => m.Topic == "homeassistant/device/poh_brain/config", "retained brain config");
        Assert.DoesNotContain(lateRecorder.All, m => m.Topic.Contains("old_heater", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemovingAtRuntime_ClearsTheDeviceOrTheComponent_AndEndsItsCommandStream()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "homeassistant/device/+/config");
        await using var _ = observer;
        await using var run = await ManagerRun.StartAsync(broker, SampleEntities.Declare);
        await recorder.WaitForAsync(m => m.Topic == "homeassistant/device/poh_brain/config", "first announce");
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = run.Manager.GetEntity<MqttSelect>("brain", "profile").Commands.Subscribe(_ => { }, () => completed.TrySetResult());

        run.Manager.RemoveDevice("brain");
        run.Manager.FindDevice("miner1")!.Remove("hashrate");

        var gone = await recorder.WaitForAsync(m => m.Topic == "homeassistant/device/poh_brain/config" && m.Payload.Length == 0, "brain removed");
        var stub = await recorder.WaitForAsync(m => m.Topic == MinerConfig && m.PayloadAsString().Contains("\"hashrate\":{\"p\":\"sensor\"}", StringComparison.Ordinal), "hashrate stub");
        var final = await recorder.WaitForAfterAsync(stub, m => m.Topic == MinerConfig, "miner without hashrate");
        Assert.False(gone.Retain);
        Assert.DoesNotContain("hashrate", final.PayloadAsString(), StringComparison.Ordinal);
        await completed.Task.WaitAsync(TestTimeouts.Safety);
        Assert.Null(run.Manager.FindDevice("brain"));
    }

    [Fact]
    public async Task NumberCommand_OutsideMinMax_IsRejectedAndLogged_InsideReachesTheApp()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var run = await ManagerRun.StartAsync(broker, SampleEntities.Declare);
        var received = new List<double>();
        var got = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = run.Manager.GetEntity<MqttNumber>("miner1", "power_limit").Commands.Subscribe(v =>
        {
            received.Add(v);
            got.TrySetResult(v);
        });
        var (sender, _) = await BrokerClients.ObserverAsync(broker, "poh/unused");
        await using var __ = sender;

        await sender.PublishAsync("poh/miner1/power_limit/set", "5000", MqttQualityOfService.AtLeastOnce);
        await sender.PublishAsync("poh/miner1/power_limit/set", "3000", MqttQualityOfService.AtLeastOnce);

        Assert.Equal(3000, await got.Task.WaitAsync(TestTimeouts.Safety));
        Assert.Equal([3000.0], received);
        Assert.Contains(run.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("rejected, outside 100..3500: '5000'", StringComparison.Ordinal));
    }
}
