using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>The checks behind <see cref="HaDiscoverySchema.Check"/>.</summary>
public static partial class HaDiscoverySchema
{
    /// <summary>Replaces abbreviations by full keys; a key that is neither a known abbreviation nor a full key is an error
    /// only when it looks like an abbreviation that HA would not expand (it would then be silently ignored).</summary>
    private static Dictionary<string, JsonNode?> Expand(JsonObject node, IReadOnlyDictionary<string, string> table, string where, List<string> errors)
    {
        var fullKeys = table.Values.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in node)
        {
            var full = table.TryGetValue(key, out var expanded) ? expanded : key;
            if (!table.ContainsKey(key) && !fullKeys.Contains(key) && !IsKnownFullKey(key))
            {
                errors.Add($"{where}: '{key}' is neither a documented abbreviation nor a known key");
            }

            if (!result.TryAdd(full, value))
            {
                errors.Add($"{where}: '{full}' is given twice (full and abbreviated)");
            }
        }

        return result;
    }

    private static bool IsKnownFullKey(string key) =>
        DeviceRootKeys.Contains(key) || CommonEntityKeys.Contains(key) || Platforms.Values.Any(p => p.Required.Contains(key) || p.Optional.Contains(key));

    /// <summary><c>availability</c> and <c>availability_topic</c> exclude each other; every list entry needs a topic;
    /// the mode is all, any or latest.</summary>
    private static void CheckAvailability(Dictionary<string, JsonNode?> root, List<string> errors)
    {
        if (root.ContainsKey("availability") && root.ContainsKey("availability_topic"))
        {
            errors.Add("root: 'availability' and 'availability_topic' exclude each other");
        }

        foreach (var entry in root.GetValueOrDefault("availability") as JsonArray ?? [])
        {
            var expanded = entry is JsonObject item ? Expand(item, Abbreviations, "availability", errors) : [];
            if (Text(expanded, "topic") is not { Length: > 0 })
            {
                errors.Add("availability: every entry needs a 'topic' (t)");
            }
        }

        if (Text(root, "availability_mode") is { } mode && mode is not ("all" or "any" or "latest"))
        {
            errors.Add($"root: availability_mode '{mode}' must be all, any or latest");
        }
    }

    private static void CheckDevice(JsonObject? device, List<string> errors)
    {
        if (device is null)
        {
            errors.Add("root: 'device' (dev) is required for device discovery");
            return;
        }

        var expanded = Expand(device, DeviceAbbreviations, "device", errors);
        if (expanded.GetValueOrDefault("identifiers") is not JsonArray { Count: > 0 } && !expanded.ContainsKey("connections"))
        {
            errors.Add("device: 'identifiers' (ids) or 'connections' (cns) is required");
        }
    }

    private static void CheckOrigin(JsonObject? origin, List<string> errors)
    {
        if (origin is null)
        {
            errors.Add("root: 'origin' (o) is required for device discovery");
            return;
        }

        var expanded = Expand(origin, OriginAbbreviations, "origin", errors);
        if (expanded.GetValueOrDefault("name") is not JsonValue name || string.IsNullOrWhiteSpace(name.GetValue<string>()))
        {
            errors.Add("origin: 'name' is required");
        }
    }

    private static void CheckComponent(string key, Dictionary<string, JsonNode?> component, List<string> errors)
    {
        var platform = Text(component, "platform");
        if (platform is null || !Platforms.TryGetValue(platform, out var rules))
        {
            errors.Add($"{key}: 'platform' (p) missing or not one we check ({platform})");
            return;
        }

        if (Text(component, "unique_id") is not { Length: > 0 })
        {
            errors.Add($"{key}: 'unique_id' is required for an entity in device discovery");
        }

        foreach (var required in rules.Required.Where(r => !component.ContainsKey(r)))
        {
            errors.Add($"{key}: '{required}' is required for {platform}");
        }

        foreach (var extra in component.Keys.Where(k => !CommonEntityKeys.Contains(k) && !rules.Optional.Contains(k) && !rules.Required.Contains(k)))
        {
            errors.Add($"{key}: '{extra}' is not a {platform} option");
        }

        foreach (var (name, value) in component.Where(p => p.Key.EndsWith("_topic", StringComparison.Ordinal)))
        {
            if (value is not JsonValue topic || topic.GetValue<string>() is not { Length: > 0 } text || text.AsSpan().IndexOfAny("+#") >= 0)
            {
                errors.Add($"{key}: '{name}' must be a topic name without wildcards");
            }
        }

        if (Text(component, "entity_category") is { } category && category is not ("config" or "diagnostic"))
        {
            errors.Add($"{key}: entity_category '{category}' must be config or diagnostic");
        }

        if (Text(component, "default_entity_id") is { } entityId && !entityId.StartsWith(platform + ".", StringComparison.Ordinal))
        {
            errors.Add($"{key}: default_entity_id '{entityId}' must be in the {platform} domain");
        }

        CheckPlatform(key, platform, component, errors);
    }

    private static void CheckPlatform(string key, string platform, Dictionary<string, JsonNode?> component, List<string> errors)
    {
        var deviceClass = Text(component, "device_class");
        switch (platform)
        {
            case "sensor":
                CheckSensor(key, deviceClass, Text(component, "state_class"), Text(component, "unit_of_measurement"), errors);
                break;
            case "binary_sensor" when deviceClass is not null && !BinarySensorClasses.Contains(deviceClass):
            case "button" when deviceClass is not null && !ButtonClasses.Contains(deviceClass):
            case "switch" when deviceClass is not null && !SwitchClasses.Contains(deviceClass):
                errors.Add($"{key}: '{deviceClass}' is not a {platform} device class");
                break;
            case "number" when Number(component, "min") is { } min && Number(component, "max") is { } max && min >= max:
                errors.Add($"{key}: min must be below max");
                break;
            case "select" when component["options"] is not JsonArray { Count: > 0 }:
                errors.Add($"{key}: options must be a non-empty list");
                break;
            case "alarm_control_panel":
                CheckAlarmPanel(key, component, errors);
                break;
            case "climate":
                foreach (var mode in (component.GetValueOrDefault("modes") as JsonArray ?? []).Select(m => m!.GetValue<string>()))
                {
                    if (!ClimateModes.Contains(mode))
                    {
                        errors.Add($"{key}: '{mode}' is not an HVAC mode");
                    }
                }

                if ((component.GetValueOrDefault("preset_modes") as JsonArray ?? []).Any(p => p!.GetValue<string>() == "none"))
                {
                    errors.Add($"{key}: 'none' must not be listed as a preset");
                }

                break;
        }
    }

    private static void CheckSensor(string key, string? deviceClass, string? stateClass, string? unit, List<string> errors)
    {
        if (stateClass is not null && !StateClasses.Contains(stateClass))
        {
            errors.Add($"{key}: '{stateClass}' is not a state class");
        }

        if (deviceClass is null)
        {
            return; // e.g. hashrate: free-text unit, no conversion, any state class
        }

        if (!SensorUnits.TryGetValue(deviceClass, out var units))
        {
            errors.Add($"{key}: sensor device class '{deviceClass}' is not in our table");
            return;
        }

        var unitOk = units is null
            ? unit is { Length: 3 } && unit.All(char.IsAsciiLetterUpper) // ISO 4217 currency code
            : unit is not null && units.Contains(unit);
        if (!unitOk)
        {
            errors.Add($"{key}: unit '{unit}' is not valid for device class '{deviceClass}'");
        }

        if (stateClass is not null && !SensorStateClasses[deviceClass].Contains(stateClass))
        {
            errors.Add($"{key}: state class '{stateClass}' is not allowed with device class '{deviceClass}'");
        }
    }

    private static string? Text(Dictionary<string, JsonNode?> node, string key) =>
        node.GetValueOrDefault(key) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(Dictionary<string, JsonNode?> node, string key) =>
        node.GetValueOrDefault(key) is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;
}
