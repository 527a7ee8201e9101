using System.Text.Json.Nodes;
using ProofOfHeat.NodeRed.Tests.Support;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.NodeRed.Tests.Flows;

/// <summary>
/// <c>nodered/flows/overload-sleeps-miner.json</c> in Node-RED against the brain: the main meter above the limit makes
/// the safety app raise <c>safety.overload</c> (it sheds only the towel heater here), the flow asks the miner node to
/// put <c>office</c> to sleep, and the brain's fleet sends the simulated Braiins OS miner to sleep; when the overload
/// is resolved the flow wakes it. The miner node's output shows the miner's state.
/// </summary>
[Collection(SharedHome.Name)]
public sealed class OverloadSleepsMinerTests(HomeWorld home)
{
    [Fact]
    public async Task Overload_PutsTheMinerToSleepThroughTheBrain_AndWakesItWhenResolved()
    {
        var flow = ShippedFlow.Load("overload-sleeps-miner.json", home.Broker);
        flow.Probe(flow.Single("poh-miner"), "test/probe/miner");
        await home.NodeRed.DeployAsync(flow.Nodes);
        await home.Messages.WaitForAsync(m => m.Topic == "test/probe/miner" && MinerState(m)?["active"]?.GetValue<bool>() == true, "the miner node's state output (active)");
        Assert.NotEqual(MinerPhase.Sleeping, home.Miner.Hardware.Read().Phase);

        var start = home.Messages.Mark;
        home.Ha.SetState(HomeWorld.Meter, "7200", new { unit_of_measurement = "W", device_class = "power" });

        await home.Messages.WaitForAsync(m => m.Topic == "poh/alerts/events" && Event(m) is ("safety.overload", "raised"), "the overload alert on MQTT", after: start);
        await home.Messages.WaitForAsync(m => m.Topic == "poh/miner_office/active/set" && m.PayloadAsString() == "OFF", "the miner node's OFF command", after: start);
        await Eventually.UntilAsync(() => home.Miner.Hardware.Read().Phase == MinerPhase.Sleeping, "the simulated miner asleep");
        await home.Messages.WaitForAsync(m => m.Topic == "test/probe/miner" && MinerState(m)?["active"]?.GetValue<bool>() == false, "the miner node's output showing it inactive", after: start);

        var asleep = home.Messages.Mark;
        home.Ha.SetState(HomeWorld.Meter, "1200", new { unit_of_measurement = "W", device_class = "power" });

        await home.Messages.WaitForAsync(m => m.Topic == "poh/alerts/events" && Event(m) is ("safety.overload", "resolved"), "the overload resolved on MQTT", after: asleep);
        await home.Messages.WaitForAsync(m => m.Topic == "poh/miner_office/active/set" && m.PayloadAsString() == "ON", "the miner node's ON command", after: asleep);
        await Eventually.UntilAsync(() => home.Miner.Hardware.Read().Phase != MinerPhase.Sleeping, "the simulated miner awake again");
    }

    private static JsonNode? MinerState(ProofOfHeat.Mqtt.MqttApplicationMessage message) => JsonNode.Parse(message.PayloadAsString());

    private static (string?, string?) Event(ProofOfHeat.Mqtt.MqttApplicationMessage message) =>
        JsonNode.Parse(message.PayloadAsString()) is { } json ? (json["key"]?.GetValue<string>(), json["event"]?.GetValue<string>()) : (null, null);
}
