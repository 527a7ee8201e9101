using System.Text.Json.Nodes;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Discovery;

/// <summary>Every discovery payload kind we publish, checked against HA's documented schema (<see cref="HaDiscoverySchema"/>).</summary>
public sealed class DiscoverySchemaTests
{
    [Theory]
    [InlineData("zone_living")]
    [InlineData("miner1")]
    [InlineData("brain")]
    public async Task PublishedDevicePayload_PassesHaSchema(string deviceId)
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);

        var errors = HaDiscoverySchema.Check(offline.Payload(deviceId));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task SampleDevices_CoverEveryKindWePublish()
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);

        var platforms = new[] { "zone_living", "miner1", "brain" }
            .SelectMany(id => Components(offline.Payload(id)).Select(c => c.Value!["p"]!.GetValue<string>()))
            .ToHashSet();

        Assert.Equal(new HashSet<string> { "climate", "switch", "number", "sensor", "binary_sensor", "select", "button" }, platforms);
    }

    [Fact]
    public async Task Sensors_UseTheDocumentedUnitsAndClasses()
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);
        var miner = Components(offline.Payload("miner1"));

        Assert.Equal(("power", "measurement", "W"), Sensor(miner["power"]!));
        Assert.Equal(("energy", "total_increasing", "kWh"), Sensor(miner["energy"]!));
        Assert.Equal(("temperature", "measurement", "°C"), Sensor(miner["temperature"]!));
        Assert.Equal((null, "measurement", "TH/s"), Sensor(miner["hashrate"]!));
        Assert.Equal(("monetary", "total", "EUR"), Sensor(Components(offline.Payload("zone_living"))["heat_cost"]!));
    }

    [Fact]
    public async Task Payload_HasOriginDeviceAvailabilityAndStableUniqueIds()
    {
        await using var first = new OfflineManager();
        await using var second = new OfflineManager();
        SampleEntities.Declare(first.Manager);
        SampleEntities.Declare(second.Manager);

        var root = JsonNode.Parse(first.Payload("miner1"))!.AsObject();

        Assert.Equal("proof-of-heat", root["o"]!["name"]!.GetValue<string>());
        Assert.Equal("poh_miner1", root["dev"]!["ids"]![0]!.GetValue<string>());
        Assert.Equal("""[{"t":"poh/status"},{"t":"poh/miner1/availability"}]""", root["avty"]!.ToJsonString());
        Assert.Equal("all", root["avty_mode"]!.GetValue<string>());
        Assert.Equal("poh/status", JsonNode.Parse(first.Payload("brain"))!["avty_t"]!.GetValue<string>());
        Assert.Equal("poh_miner1_power_limit", root["cmps"]!["power_limit"]!["uniq_id"]!.GetValue<string>());
        Assert.Equal(first.Payload("miner1"), second.Payload("miner1")); // a restart announces the same thing
    }

    [Fact]
    public async Task RemovedComponent_IsWrittenAsPlatformOnly()
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);
        var device = offline.Manager.FindDevice("brain")!;

        var payload = DevicePayloadBuilder.Build(offline.Options, device.Info, device.Entities, new Dictionary<string, string> { ["old"] = "sensor" });

        Assert.Equal("""{"p":"sensor"}""", Components(payload)["old"]!.ToJsonString());
        Assert.Empty(HaDiscoverySchema.Check(DevicePayloadBuilder.Build(offline.Options, device.Info, device.Entities)));
    }

    // The checker itself must be able to fail: each of these breaks one documented rule.
    [Theory]
    [InlineData("energy_measurement", "state class 'measurement' is not allowed with device class 'energy'")]
    [InlineData("watts_as_energy", "unit 'W' is not valid for device class 'energy'")]
    [InlineData("money_lowercase", "unit 'eur' is not valid for device class 'monetary'")]
    [InlineData("unknown_abbreviation", "'stat_topic' is neither a documented abbreviation nor a known key")]
    [InlineData("no_unique_id", "'unique_id' is required")]
    [InlineData("button_without_command", "'command_topic' is required for button")]
    [InlineData("preset_none", "'none' must not be listed as a preset")]
    [InlineData("no_origin", "'origin' (o) is required")]
    [InlineData("wildcard_topic", "'state_topic' must be a topic name without wildcards")]
    [InlineData("availability_both", "'availability' and 'availability_topic' exclude each other")]
    public void Checker_FlagsBrokenPayloads(string variant, string expected)
    {
        var component = variant switch
        {
            "energy_measurement" => """{"p":"sensor","uniq_id":"a","stat_t":"poh/a","dev_cla":"energy","stat_cla":"measurement","unit_of_meas":"kWh"}""",
            "watts_as_energy" => """{"p":"sensor","uniq_id":"a","stat_t":"poh/a","dev_cla":"energy","stat_cla":"total","unit_of_meas":"W"}""",
            "money_lowercase" => """{"p":"sensor","uniq_id":"a","stat_t":"poh/a","dev_cla":"monetary","stat_cla":"total","unit_of_meas":"eur"}""",
            "unknown_abbreviation" => """{"p":"sensor","uniq_id":"a","stat_topic":"poh/a"}""",
            "no_unique_id" => """{"p":"binary_sensor","stat_t":"poh/a"}""",
            "button_without_command" => """{"p":"button","uniq_id":"a"}""",
            "preset_none" => """{"p":"climate","uniq_id":"a","pr_modes":["eco","none"]}""",
            "wildcard_topic" => """{"p":"sensor","uniq_id":"a","stat_t":"poh/+/a"}""",
            _ => """{"p":"sensor","uniq_id":"a","stat_t":"poh/a"}""",
        };
        var origin = variant switch
        {
            "no_origin" => string.Empty,
            "availability_both" => "\"o\":{\"name\":\"x\"},\"avty_t\":\"a\",\"avty\":[{\"t\":\"b\"}],",
            _ => "\"o\":{\"name\":\"x\"},",
        };
        var payload = "{\"dev\":{\"ids\":[\"d\"],\"name\":\"D\"}," + origin + "\"cmps\":{\"c\":" + component + "}}";

        var errors = HaDiscoverySchema.Check(payload);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    private static JsonObject Components(string payload) => JsonNode.Parse(payload)!["cmps"]!.AsObject();

    private static (string?, string?, string?) Sensor(JsonNode component) =>
        (component["dev_cla"]?.GetValue<string>(), component["stat_cla"]?.GetValue<string>(), component["unit_of_meas"]?.GetValue<string>());
}
