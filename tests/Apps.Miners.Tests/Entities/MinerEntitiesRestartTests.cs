using System.Text.Json.Nodes;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Mqtt;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Apps.Miners.Tests.Entities;

/// <summary>
/// Entities are never removed for want of knowledge: a restarted brain keeps announcing the components its miner had
/// (from the retained config) until the miner has answered, and removes one only when the miner really lost it.
/// HA's removal deletes the entity's registry entry (name, area, settings), so a removal at every restart is a defect.
/// </summary>
public sealed class MinerEntitiesRestartTests
{
    private const string Config = "homeassistant/device/poh_miner_m1/config";
    private const string ModeState = "poh/miner_m1/mode/state";
    private const string Done = "test/restart-watch/done";

    [Fact]
    public async Task A_restart_while_the_miner_has_not_answered_publishes_no_removal_as_an_independent_client_sees_it()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "#");
        await using var _ = observer;
        await FirstRunAsync(broker, recorder);

        await using var watcher = await MqttJsWatcher.StartAsync(broker.Url, Config, ModeState, Done);
        await using var harness = FleetHarness.One(FakeMinerFamily.Tiered, configure: o => o.Miners[0].Name = "Garage Nano");
        harness.Drivers["m1"].Unreachable = true;
        var announced = recorder.WaitForNextAsync(m => m.Topic == Config && !m.Retain, "the second run's announcement");
        var unavailable = recorder.WaitForNextAsync(m => m.Topic == "poh/miner_m1/availability" && m.PayloadAsString() == "offline", "the miner unreachable");
        await using var brain = await BrainOnBroker.StartAsync(broker, m => MqttMinerEntities.Declare(m, harness.Options));
        harness.StartApp(brain.Manager);
        await announced;
        await unavailable;

        // The miner answers: its range and tiers are known, and the device is announced with them.
        var shaped = recorder.WaitForNextAsync(m => m.Topic == Config && m.PayloadAsString().Contains("\"max\":125", StringComparison.Ordinal), "the shaped device");
        harness.Drivers["m1"].Unreachable = false;
        harness.Time.Advance(harness.Options.PollInterval);
        await shaped;
        await observer.PublishAsync(Done, "done", MqttQualityOfService.AtLeastOnce);
        var seen = await watcher.SeenAsync();

        var configs = seen.Where(m => m.Topic == Config).ToList();
        Assert.True(configs[0].Retained, "the retained config of the first run comes first");
        Assert.True(configs.Count >= 3, $"the watcher saw {configs.Count} configs");
        Assert.All(configs, c =>
        {
            Assert.NotEqual("", c.Payload);
            var components = JsonNode.Parse(c.Payload)!["cmps"]!.AsObject();
            Assert.Contains("mode", components.Select(p => p.Key));
            Assert.All(components, p => Assert.True(p.Value!.AsObject().Count > 1, $"component {p.Key} is announced as a removal: {c.Payload}"));
        });
        Assert.DoesNotContain(seen, m => m.Topic == ModeState && m.Payload.Length == 0);
    }

    [Fact]
    public async Task A_component_the_miner_really_lost_is_removed_once_it_has_answered()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "#");
        await using var _ = observer;
        await FirstRunAsync(broker, recorder);

        // The same miner now runs firmware with a continuous power target: no tiers, so no mode select.
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous, configure: o => o.Miners[0].Name = "Garage Nano");
        harness.Drivers["m1"].Unreachable = true;
        var kept = recorder.WaitForNextAsync(m => m.Topic == Config && !m.Retain, "the second run's announcement");
        await using var brain = await BrainOnBroker.StartAsync(broker, m => MqttMinerEntities.Declare(m, harness.Options));
        harness.StartApp(brain.Manager);
        Assert.Contains("\"mode\":{", (await kept).PayloadAsString(), StringComparison.Ordinal);

        var removal = recorder.WaitForNextAsync(m => m.Topic == Config && m.PayloadAsString().Contains("\"mode\":{\"p\":\"select\"}", StringComparison.Ordinal), "the select's removal");
        var cleared = recorder.WaitForNextAsync(m => m.Topic == ModeState && m.PayloadAsString().Length == 0, "the select's state cleared");
        harness.Drivers["m1"].Unreachable = false;
        harness.Time.Advance(harness.Options.PollInterval);

        await removal;
        await cleared;
    }

    // A first run of the brain whose miner answered: the device is announced (retained) with its mode select.
    private static async Task FirstRunAsync(MosquittoBroker broker, TopicRecorder recorder)
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Tiered, configure: o => o.Miners[0].Name = "Garage Nano");
        await using var brain = await BrainOnBroker.StartAsync(broker, m => MqttMinerEntities.Declare(m, harness.Options));
        harness.StartApp(brain.Manager);
        await recorder.WaitForAsync(m => m.Topic == Config && m.PayloadAsString().Contains("\"ops\"", StringComparison.Ordinal), "the first run's select");
        await recorder.WaitForAsync(m => m.Topic == ModeState, "the first run's mode state");
    }
}
