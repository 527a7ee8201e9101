using System.Text.Json.Nodes;
using ProofOfHeat.NodeRed.Tests.Support;

namespace ProofOfHeat.NodeRed.Tests.Flows;

/// <summary>
/// <c>nodered/flows/critical-alert-flashes-hall-lights.json</c> in Node-RED against the brain: a leak makes the safety
/// app raise a critical alert, the brain publishes it on MQTT, the "alert raised" node outputs it and the hall's
/// Zigbee2MQTT lights get the flash pattern; the node's input acknowledges the alert in the brain.
/// </summary>
[Collection(SharedHome.Name)]
public sealed class CriticalAlertFlashesHallLightsTests(HomeWorld home)
{
    private static readonly string[] Lights = ["zigbee2mqtt/hall_ceiling/set", "zigbee2mqtt/hall_wall/set"];

    [Fact]
    public async Task Leak_CriticalAlert_FlashesBothHallLightsThreeTimesThenLeavesThemOn_AndTheNodeAcknowledges()
    {
        var flow = ShippedFlow.Load("critical-alert-flashes-hall-lights.json", home.Broker);
        var alertNode = flow.Single("poh-alert");
        flow.Probe(alertNode, "test/probe/critical-alert");
        var acknowledge = flow.AddInject(alertNode, "safety.leak");
        await home.NodeRed.DeployAsync(flow.Nodes);

        // A warning first (the main meter over the limit): the node passes critical alerts only, so the first thing it
        // outputs must be the leak that follows, though the warning reached Node-RED before it.
        var start = home.Messages.Mark;
        home.Ha.SetState(HomeWorld.Meter, "7000", new { unit_of_measurement = "W", device_class = "power" });
        await home.Messages.WaitForAsync(m => m.Topic == "poh/alerts/events" && m.PayloadAsString().Contains("\"safety.overload\"", StringComparison.Ordinal), "the overload warning on MQTT", after: start);
        home.Ha.SetState(HomeWorld.LeakSensor, "on", new { device_class = "moisture" });

        var output = await home.Messages.WaitForAsync(m => m.Topic == "test/probe/critical-alert", "the alert node's output", after: start);
        var alert = JsonNode.Parse(output[0].PayloadAsString())!;
        Assert.Equal("safety.leak", alert["key"]!.GetValue<string>());
        Assert.Equal("critical", alert["severity"]!.GetValue<string>());
        Assert.Equal("raised", alert["event"]!.GetValue<string>());
        foreach (var light in Lights)
        {
            var commands = await home.Messages.WaitForAsync(m => m.Topic == light, $"seven commands on {light}", count: 7);
            var states = commands.Select(c => JsonNode.Parse(c.PayloadAsString())!).ToList();
            Assert.Equal(["ON", "OFF", "ON", "OFF", "ON", "OFF", "ON"], states.Select(s => s["state"]!.GetValue<string>()));
            Assert.All(states.Where((_, i) => i is 0 or 2 or 4), s => Assert.Equal("#FF0000", s["color"]!["hex"]!.GetValue<string>()));
            Assert.Null(states[6]["color"]);
            Assert.Equal(254, states[6]["brightness"]!.GetValue<int>());
        }

        await home.NodeRed.InjectAsync(acknowledge);

        await Eventually.UntilAsync(
            () => home.LastJson("poh/alerts/open/safety.leak")?["state"]?.GetValue<string>() == "acknowledged",
            "the brain's retained alert acknowledged");
        Assert.Equal("mqtt:node-red", home.LastJson("poh/alerts/open/safety.leak")!["by"]!.GetValue<string>());
        await Eventually.UntilAsync(
            async () => (await home.AuditAsync()).Any(e => e.GetProperty("what").GetString() == "alert_acknowledged"
                && e.GetProperty("who").GetString() == "mqtt:node-red" && e.GetProperty("target").GetString() == "safety.leak"),
            "the acknowledgement in the brain's audit");
        // Each light got the pattern once: the acknowledgement is not a new raise.
        Assert.All(Lights, light => Assert.Equal(7, home.Messages.On(light).Count));
        Assert.All(home.Messages.On("test/probe/critical-alert"), m => Assert.Equal("critical", JsonNode.Parse(m.PayloadAsString())!["severity"]!.GetValue<string>()));
        home.Ha.SetState(HomeWorld.LeakSensor, "off", new { device_class = "moisture" });
        home.Ha.SetState(HomeWorld.Meter, "1200", new { unit_of_measurement = "W", device_class = "power" });
        await home.Messages.WaitForAsync(m => m.Topic == "poh/alerts/events" && m.PayloadAsString().Contains("\"resolved\"", StringComparison.Ordinal)
            && m.PayloadAsString().Contains("\"safety.overload\"", StringComparison.Ordinal), "the overload resolved again", after: start);
    }
}
