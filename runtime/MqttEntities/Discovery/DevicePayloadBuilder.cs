using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// Builds the device-based discovery payload: <c>dev</c> and <c>o</c> (both required), our availability topic and
/// QoS at the root, and one <c>cmps</c> entry per entity. Keys are HA's documented abbreviations, which keeps a
/// climate with a dozen topics well inside one small retained message.
/// </summary>
internal static class DevicePayloadBuilder
{
    /// <summary>The discovery object id of a device: node id and device id, so two brains never collide.</summary>
    public static string ObjectId(MqttDiscoveryOptions options, string deviceId) => $"{options.NodeId}_{deviceId}";

    /// <summary>The topic of a device's own availability (<see cref="MqttDeviceInfo.HasOwnAvailability"/>).</summary>
    public static string DeviceAvailabilityTopic(MqttDiscoveryOptions options, string deviceId) => $"{options.BaseTopic}/{deviceId}/availability";

    /// <summary>The retained topic of a device's config.</summary>
    public static string ConfigTopic(MqttDiscoveryOptions options, string objectId) => $"{options.DiscoveryPrefix}/device/{objectId}/config";

    /// <summary>
    /// The payload for <paramref name="device"/> with <paramref name="entities"/>; <paramref name="removed"/> lists
    /// components to drop, written as bare <c>{"p": platform}</c> entries (HA's first step of removing a component);
    /// <paramref name="kept"/> are components announced earlier and not declared (yet), written as they were.
    /// </summary>
    public static string Build(
        MqttDiscoveryOptions options,
        MqttDeviceInfo device,
        IEnumerable<MqttDiscoveryEntity> entities,
        IReadOnlyDictionary<string, string>? removed = null,
        IReadOnlyDictionary<string, string>? kept = null)
    {
        var components = new JsonObject();
        foreach (var entity in entities)
        {
            components[entity.Key] = JsonNode.Parse(ComponentJson(entity));
        }

        foreach (var (key, json) in kept ?? new Dictionary<string, string>())
        {
            components[key] = JsonNode.Parse(json);
        }

        foreach (var (key, platform) in removed ?? new Dictionary<string, string>())
        {
            components[key] = new JsonObject { ["p"] = platform };
        }

        var root = new JsonObject
        {
            ["dev"] = DeviceBlock(options, device),
            ["o"] = OriginBlock(options),
        };
        if (device.HasOwnAvailability)
        {
            // Available only while both the brain and the device say online.
            root["avty"] = new JsonArray(
                new JsonObject { ["t"] = options.AvailabilityTopic },
                new JsonObject { ["t"] = DeviceAvailabilityTopic(options, device.Id) });
            root["avty_mode"] = "all";
        }
        else
        {
            root["avty_t"] = options.AvailabilityTopic;
        }

        root["qos"] = 1;
        root["cmps"] = components;
        return root.ToJsonString();
    }

    /// <summary>One entity's component config, as JSON.</summary>
    public static string ComponentJson(MqttDiscoveryEntity entity)
    {
        var component = new JsonObject();
        entity.WriteComponent(component);
        return component.ToJsonString();
    }

    private static JsonObject DeviceBlock(MqttDiscoveryOptions options, MqttDeviceInfo device)
    {
        var block = new JsonObject
        {
            ["ids"] = new JsonArray(ObjectId(options, device.Id)),
            ["name"] = device.Name,
        };
        AddIfSet(block, "mf", device.Manufacturer);
        AddIfSet(block, "mdl", device.Model);
        AddIfSet(block, "sw", device.SoftwareVersion);
        AddIfSet(block, "sa", device.SuggestedArea);
        return block;
    }

    private static JsonObject OriginBlock(MqttDiscoveryOptions options)
    {
        var block = new JsonObject { ["name"] = options.OriginName };
        AddIfSet(block, "sw", options.OriginVersion);
        AddIfSet(block, "url", options.OriginSupportUrl);
        return block;
    }

    private static void AddIfSet(JsonObject block, string key, string? value)
    {
        if (value is not null)
        {
            block[key] = value;
        }
    }

    /// <summary>
    /// Reads a retained device config found by the start-up scan: the origin name, the components (key → platform)
    /// and the state topics under <paramref name="baseTopic"/> (to clear when the component goes). Null when the
    /// payload is not a device config.
    /// </summary>
    public static AnnouncedDevice? Parse(string objectId, string payload, string baseTopic)
    {
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject root)
            {
                return null;
            }

            var origin = (root["o"] ?? root["origin"]) is JsonObject o ? (o["name"] as JsonValue)?.GetValue<string>() : null;
            var components = new Dictionary<string, string>(StringComparer.Ordinal);
            var stateTopics = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var configs = new Dictionary<string, string>(StringComparer.Ordinal);
            if ((root["cmps"] ?? root["components"]) is JsonObject cmps)
            {
                foreach (var (key, node) in cmps)
                {
                    if (node is JsonObject component && (component["p"] ?? component["platform"]) is JsonValue platform)
                    {
                        components[key] = platform.GetValue<string>();
                        stateTopics[key] = StateTopics(component, baseTopic);
                        configs[key] = component.ToJsonString();
                    }
                }
            }

            return new AnnouncedDevice(objectId, origin, components, stateTopics, configs);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // State topics are the "*_t" keys that are not command or availability topics, and lie under our base topic.
    private static List<string> StateTopics(JsonObject component, string baseTopic) =>
        [.. component
            .Where(p => p.Key.EndsWith("_t", StringComparison.Ordinal) && !p.Key.Contains("cmd", StringComparison.Ordinal)
                && p.Key != "avty_t" && p.Value is JsonValue)
            .Select(p => p.Value!.GetValue<string>())
            .Where(t => t.StartsWith(baseTopic + "/", StringComparison.Ordinal))];
}
