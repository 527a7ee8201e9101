using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// The entity ids Home Assistant gives the entities of device-based discovery configs
/// (<c>&lt;prefix&gt;/device/&lt;id&gt;/config</c> with <c>dev</c> and <c>cmps</c>), applied to the payloads in the
/// order given, as HA registers them.
/// </summary>
/// <remarks>
/// HA's rules (MQTT integration docs, home-assistant.io source/_integrations/mqtt.markdown, "Naming" and
/// "default_entity_id"; the abbreviation in home-assistant/core components/mqtt/abbreviations.py): <c>default_entity_id</c> (<c>def_ent_id</c>) names the
/// entity id when present; otherwise the entity has an entity name (MQTT entities always do), so its object id is
/// <c>slugify("&lt;device name&gt; &lt;entity name&gt;")</c>, or the device name alone when the name is null; an
/// entity name that starts with the device name has it stripped first (MQTT's "entity name starts with the device
/// name" rule). An id already taken gets <c>_2</c>, <c>_3</c> … (the entity registry's
/// <c>async_get_available_entity_id</c>).
/// </remarks>
internal static class HaEntityIds
{
    /// <summary>The entities of <paramref name="payloads"/> (discovery JSON); other payloads (empty, per-component) are skipped.</summary>
    public static IReadOnlyList<HaEntity> FromDeviceConfigs(IEnumerable<string> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<HaEntity>();
        foreach (var payload in payloads)
        {
            if (Parse(payload) is not { } root || root["dev"] is not JsonObject device || root["cmps"] is not JsonObject components)
            {
                continue;
            }

            var deviceName = (string?)device["name"] ?? string.Empty;
            var identifier = device["ids"] is JsonArray ids && ids.Count > 0 ? (string?)ids[0] ?? string.Empty : (string?)device["ids"] ?? string.Empty;
            foreach (var (key, node) in components)
            {
                if (node is not JsonObject component || (string?)component["p"] is not { } platform)
                {
                    continue;
                }

                var name = EntityName(deviceName, component["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null);
                var requested = (string?)component["def_ent_id"] is { } defaultId && defaultId.StartsWith(platform + ".", StringComparison.Ordinal)
                    ? defaultId
                    : $"{platform}.{HaSlug.Slugify(name is null ? deviceName : $"{deviceName} {name}")}";
                entities.Add(new HaEntity(Available(requested, taken), platform, identifier, key, deviceName, name, (JsonObject)component.DeepClone()));
            }
        }

        return entities;
    }

    private static string? EntityName(string deviceName, string? name)
    {
        if (name is null || deviceName.Length == 0 || !name.StartsWith(deviceName, StringComparison.OrdinalIgnoreCase))
        {
            return name;
        }

        var rest = name[deviceName.Length..].TrimStart();
        return rest.Length == 0 ? null : rest;
    }

    private static string Available(string entityId, HashSet<string> taken)
    {
        var candidate = entityId;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{entityId}_{n}";
        }

        return candidate;
    }

    private static JsonObject? Parse(string payload)
    {
        try
        {
            return string.IsNullOrWhiteSpace(payload) ? null : JsonNode.Parse(payload) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
