using System.Text.Json.Nodes;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Apps.Miners.Tests.Entities;

/// <summary>The miners' entities against a real mosquitto (scripts/install-mqtt-test-deps.sh installs it).</summary>
public sealed class MqttMinerEntitiesTests
{
    private const string Config = "homeassistant/device/poh_miner_m1/config";

    [Fact]
    public async Task Declare_AnnouncesAValidDeviceWithItsOwnAvailability()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "homeassistant/#");
        await using var _ = observer;
        await using var brain = await BrainAsync(broker, m => MqttMinerEntities.Declare(m, Options()));

        var config = await recorder.WaitForAsync(m => m.Topic == Config, "the miner's device");

        var payload = config.PayloadAsString();
        Assert.Empty(HaDiscoverySchema.Check(payload));
        var json = JsonNode.Parse(payload)!;
        Assert.Equal("Garage S19", json["dev"]!["name"]!.GetValue<string>());
        Assert.Contains("poh/miner_m1/availability", payload, StringComparison.Ordinal);
        var components = json["cmps"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["active", "efficiency", "hashrate", "power", "power_limit", "power_source", "revenue", "status", "temperature"], components);
    }

    [Fact]
    public async Task App_OverMqtt_ShapesControls_PublishesStates_AndTakesCommands()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var (observer, recorder) = await BrokerClients.ObserverAsync(broker, "#");
        await using var _ = observer;
        await using var harness = FleetHarness.One(FakeMinerFamily.Tiered, configure: o =>
        {
            o.Miners[0].Name = "Garage S19";
            o.Hashprice = 0.05;
        });
        await using var brain = await BrainAsync(broker, m => MqttMinerEntities.Declare(m, harness.Options));
        var first = harness.StartApp(brain.Manager);

        var shaped = await recorder.WaitForAsync(m => m.Topic == Config && m.PayloadAsString().Contains("\"ops\"", StringComparison.Ordinal), "the mode select");
        var hashrate = await recorder.WaitForAsync(m => m.Topic == "poh/miner_m1/hashrate/state", "hashrate");
        var online = await recorder.WaitForAsync(m => m.Topic == "poh/miner_m1/availability", "availability");
        var on = await recorder.WaitForAsync(m => m.Topic == "poh/miner_m1/active/state", "switch state");

        Assert.Empty(HaDiscoverySchema.Check(shaped.PayloadAsString()));
        var components = JsonNode.Parse(shaped.PayloadAsString())!["cmps"]!;
        Assert.Equal(60, components["power_limit"]!["min"]!.GetValue<double>());
        Assert.Equal(125, components["power_limit"]!["max"]!.GetValue<double>());
        Assert.Equal(["0", "1", "2"], components["mode"]!["ops"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("4.1667", hashrate.PayloadAsString());
        Assert.Equal("online", online.PayloadAsString());
        Assert.Equal("ON", on.PayloadAsString());

        // A restarted app follows the entities the earlier run declared, the select included.
        first.Dispose();
        harness.StartApp(brain.Manager);
        var mode = recorder.WaitForNextAsync(m => m.Topic == "poh/miner_m1/mode/state" && m.PayloadAsString() == "0", "mode 0");
        await observer.PublishAsync("poh/miner_m1/mode/set", "0", MqttQualityOfService.AtLeastOnce);
        await mode;
        Assert.Equal("0", harness.Drivers["m1"].Mode);

        var off = recorder.WaitForNextAsync(m => m.Topic == "poh/miner_m1/active/state" && m.PayloadAsString() == "OFF", "switched off");
        await observer.PublishAsync("poh/miner_m1/active/set", "OFF", MqttQualityOfService.AtLeastOnce);
        await off;
        Assert.False(harness.Drivers["m1"].IsOn);
    }

    private static MinerFleetOptions Options() => new()
    {
        Miners = [new FleetMinerOptions { Id = "m1", Name = "Garage S19", Family = FakeMinerFamily.Id, Host = "m1" }],
    };

    private static Task<BrainOnBroker> BrainAsync(MosquittoBroker broker, Action<IMqttEntities> declare) => BrainOnBroker.StartAsync(broker, declare);
}
