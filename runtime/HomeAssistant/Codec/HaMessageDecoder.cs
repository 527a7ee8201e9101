using System.Globalization;
using System.Text.Json;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.HomeAssistant.Codec;

/// <summary>Turns message objects into our records. Pure and synchronous; the state_changed path avoids LINQ and copies.</summary>
internal static class HaMessageDecoder
{
    /// <summary>True when the <c>event</c> object of an event message is a <c>state_changed</c>.</summary>
    public static bool IsStateChanged(JsonElement eventObject) =>
        eventObject.TryGetProperty("event_type"u8, out var type) && type.ValueEquals("state_changed"u8);

    /// <summary>Reads the <c>event</c> object of a <c>state_changed</c> event message.</summary>
    public static HaStateChange ReadStateChange(JsonElement eventObject)
    {
        var data = eventObject.GetProperty("data"u8);
        var oldState = ReadNullableState(data, "old_state"u8);
        var newState = ReadNullableState(data, "new_state"u8);
        var entityId = data.TryGetProperty("entity_id"u8, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : newState?.EntityId ?? oldState?.EntityId
                ?? throw new JsonException("state_changed event without entity_id.");
        return new HaStateChange(entityId, oldState, newState, ReadTime(eventObject, "time_fired"u8));
    }

    /// <summary>Reads the <c>event</c> object of any other event message.</summary>
    public static HaEvent ReadEvent(JsonElement eventObject)
    {
        var type = eventObject.TryGetProperty("event_type"u8, out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : string.Empty;
        var data = eventObject.TryGetProperty("data"u8, out var d) ? d : default;
        return new HaEvent(type, data, ReadTime(eventObject, "time_fired"u8));
    }

    /// <summary>Reads one state object (<c>entity_id</c>, <c>state</c>, <c>attributes</c>, times).</summary>
    public static HaState ReadState(JsonElement state)
    {
        var entityId = state.GetProperty("entity_id"u8).GetString()
            ?? throw new JsonException("State object with a null entity_id.");
        var value = state.TryGetProperty("state"u8, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var attributes = state.TryGetProperty("attributes"u8, out var a) ? a : default;
        var lastChanged = ReadTime(state, "last_changed"u8);
        var lastUpdated = state.TryGetProperty("last_updated"u8, out _) ? ReadTime(state, "last_updated"u8) : lastChanged;
        return new HaState(entityId, value, attributes, lastChanged, lastUpdated);
    }

    /// <summary>Reads the array answered to <c>get_states</c>.</summary>
    public static IReadOnlyList<HaState> ReadStates(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"get_states returned {array.ValueKind}, expected an array.");
        }

        var states = new List<HaState>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            states.Add(ReadState(item));
        }

        return states;
    }

    /// <summary>Reads the object answered to <c>get_config</c>.</summary>
    public static HaConfig ReadConfig(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"get_config returned {config.ValueKind}, expected an object.");
        }

        return new HaConfig(
            ReadString(config, "state"u8) ?? string.Empty,
            ReadString(config, "version"u8) ?? string.Empty,
            ReadString(config, "location_name"u8),
            ReadDouble(config, "latitude"u8),
            ReadDouble(config, "longitude"u8),
            ReadString(config, "time_zone"u8),
            config);
    }

    /// <summary>Reads the object answered to <c>call_service</c>.</summary>
    public static HaServiceCallResult ReadServiceCallResult(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            return new HaServiceCallResult(null, null);
        }

        JsonElement? context = result.TryGetProperty("context"u8, out var c) && c.ValueKind != JsonValueKind.Null ? c : null;
        JsonElement? response = result.TryGetProperty("response"u8, out var r) && r.ValueKind != JsonValueKind.Null ? r : null;
        return new HaServiceCallResult(context, response);
    }

    /// <summary>
    /// Reads a <c>result</c> message: true and the <c>result</c> value on success, false and the error otherwise.
    /// </summary>
    public static bool TryReadResult(JsonElement message, out JsonElement result, out HaResultError? error)
    {
        var success = message.TryGetProperty("success"u8, out var s) && s.ValueKind == JsonValueKind.True;
        if (success)
        {
            result = message.TryGetProperty("result"u8, out var r) ? r : default;
            error = null;
            return true;
        }

        result = default;
        error = ReadError(message);
        return false;
    }

    /// <summary>Reads the <c>message</c> of an <c>auth_invalid</c> or the <c>ha_version</c> of the auth messages.</summary>
    public static string? ReadString(JsonElement obj, ReadOnlySpan<byte> name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static HaResultError ReadError(JsonElement message)
    {
        if (!message.TryGetProperty("error"u8, out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return new HaResultError("unknown_error", "Home Assistant reported a failure without an error object.", null);
        }

        // The code is documented as a string, but is not always one in practice; keep any other value as raw JSON.
        var code = error.TryGetProperty("code"u8, out var c)
            ? c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText()
            : "unknown_error";
        var text = ReadString(error, "message"u8) ?? code;
        return new HaResultError(code, text, ReadString(error, "translation_key"u8));
    }

    private static HaState? ReadNullableState(JsonElement data, ReadOnlySpan<byte> name) =>
        data.TryGetProperty(name, out var state) && state.ValueKind == JsonValueKind.Object ? ReadState(state) : null;

    private static double? ReadDouble(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static DateTimeOffset ReadTime(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
        {
            if (v.TryGetDateTimeOffset(out var fast))
            {
                return fast;
            }

            // HA writes Python isoformat(); anything the strict ISO reader refuses gets a lenient second try.
            if (DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var slow))
            {
                return slow;
            }
        }

        return default;
    }
}
