using System.Text.Json.Nodes;
using ProofOfHeat.NodeRed.Tests.Support;

namespace ProofOfHeat.NodeRed.Tests.Flows;

/// <summary>
/// <c>nodered/flows/button-sets-zone-preset.json</c> in Node-RED against the brain: pressing "Away" and "Boost" sets
/// the living room's preset in the brain's heating app, which publishes it on the climate's preset state topic (the
/// topic HA's MQTT climate shows as <c>preset_mode</c>); the zone node outputs the zone's state, sets targets and
/// refuses a preset the climate does not announce.
/// </summary>
[Collection(SharedHome.Name)]
public sealed class ButtonSetsZonePresetTests(HomeWorld home)
{
    private const string ZoneConfig = "homeassistant/device/poh_heating_zone_living_room/config";

    [Fact]
    public async Task Buttons_SetTheZonesPresetInTheBrain_AndTheZoneNodeOutputsItsState()
    {
        var flow = ShippedFlow.Load("button-sets-zone-preset.json", home.Broker);
        var zoneNode = flow.Single("poh-zone");
        flow.Probe(zoneNode, "test/probe/zone");
        var target = flow.AddInject(zoneNode, "19.5");
        var unknownPreset = flow.AddInject(zoneNode, "tropical");
        flow.CatchErrors(zoneNode, "test/probe/zone-error");
        var climate = JsonNode.Parse(home.Messages.Last(ZoneConfig)!)!["cmps"]!["climate"]!;
        var presetTopic = climate["pr_mode_stat_t"]!.GetValue<string>();
        var targetTopic = climate["temp_stat_t"]!.GetValue<string>();
        await home.NodeRed.DeployAsync(flow.Nodes);

        // The node found the climate in the discovery config and reads its state topics.
        await home.Messages.WaitForAsync(m => m.Topic == "test/probe/zone" && ZoneState(m)?["preset"] is not null, "the zone node's state output");
        await home.NodeRed.InjectAsync(flow.Named("Away")["id"]!.GetValue<string>());

        await Eventually.UntilAsync(() => home.Messages.Last(presetTopic) == "away", $"away on {presetTopic}");
        await home.Messages.WaitForAsync(m => m.Topic == "test/probe/zone" && ZoneState(m)?["preset"]?.GetValue<string>() == "away", "the zone node's output showing away");

        await home.NodeRed.InjectAsync(flow.Named("Boost")["id"]!.GetValue<string>());

        await Eventually.UntilAsync(() => home.Messages.Last(presetTopic) == "boost", $"boost on {presetTopic}");
        var commands = home.Messages.On(climate["pr_mode_cmd_t"]!.GetValue<string>()).Select(m => m.PayloadAsString());
        Assert.Equal(["away", "boost"], commands);

        await home.NodeRed.InjectAsync(unknownPreset);

        var error = await home.Messages.WaitForAsync(m => m.Topic == "test/probe/zone-error", "the zone node's error for an unknown preset");
        var message = JsonNode.Parse(error[0].PayloadAsString())!["message"]!.GetValue<string>();
        Assert.Contains("\"tropical\" is not one of " + string.Join(", ", climate["pr_modes"]!.AsArray().Select(p => p!.GetValue<string>())), message, StringComparison.Ordinal);

        await home.NodeRed.InjectAsync(target);

        await Eventually.UntilAsync(() => home.Messages.Last(targetTopic) is "19.5", $"19.5 on {targetTopic}");
        Assert.Equal("19.5", home.Messages.On(climate["temp_cmd_t"]!.GetValue<string>()).Single().PayloadAsString());
        // The unknown preset never reached the brain: only the two buttons' presets were commanded.
        Assert.Equal(["away", "boost"], home.Messages.On(climate["pr_mode_cmd_t"]!.GetValue<string>()).Select(m => m.PayloadAsString()));
    }

    private static JsonNode? ZoneState(ProofOfHeat.Mqtt.MqttApplicationMessage message) => JsonNode.Parse(message.PayloadAsString());
}
