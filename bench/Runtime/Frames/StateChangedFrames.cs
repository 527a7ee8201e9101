using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProofOfHeat.Bench.Frames;

/// <summary>
/// Realistic <c>state_changed</c> event objects as HA 2026.x sends them: full old and new states with
/// 8–15 attributes each, contexts, and microsecond ISO times. One object per entity, so cycling the pool
/// never moves an entity's <c>last_updated</c> backwards (the state cache would drop such an event).
/// </summary>
public static class StateChangedFrames
{
    /// <summary>The entity the filtered app watches; it is the first of the pool.</summary>
    public const string WatchedClimate = "climate.living_room";

    // HA serialises with orjson: non-ASCII such as "°C" goes out as raw UTF-8, not \u escapes.
    private static readonly JsonWriterOptions RawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTimeOffset BaseTime = new(2026, 1, 9, 10, 33, 4, TimeSpan.Zero);
    private static readonly string[] Rooms = ["living_room", "kitchen", "bedroom", "bathroom", "office", "attic", "hall", "garage"];

    /// <summary>Builds <paramref name="entities"/> event objects: climates, temperature sensors and power sensors.</summary>
    public static IReadOnlyList<byte[]> EventObjects(int entities)
    {
        var pool = new byte[entities][];
        var buffer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < entities; i++)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, RawUtf8))
            {
                WriteEvent(writer, i);
            }

            pool[i] = buffer.WrittenSpan.ToArray();
        }

        return pool;
    }

    /// <summary>Whole event messages (<c>{"id":1,"type":"event","event":…}</c>) as the client's reader sees them.</summary>
    public static IReadOnlyList<byte[]> Messages(int entities, int subscriptionId = 1)
    {
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"id\":{subscriptionId},\"type\":\"event\",\"event\":");
        return [.. EventObjects(entities).Select(e => (byte[])[.. prefix, .. e, (byte)'}'])];
    }

    /// <summary>The entity id of pool slot <paramref name="index"/>.</summary>
    public static string EntityId(int index) => (index % 3) switch
    {
        0 => index == 0 ? WatchedClimate : $"climate.{Room(index)}_{index}",
        1 => $"sensor.{Room(index)}_temperature_{index}",
        _ => $"sensor.{Room(index)}_heater_power_{index}",
    };

    private static string Room(int index) => Rooms[index % Rooms.Length];

    private static void WriteEvent(Utf8JsonWriter w, int index)
    {
        var entityId = EntityId(index);
        var fired = BaseTime.AddMilliseconds(index * 7.0);
        w.WriteStartObject();
        w.WriteString("event_type"u8, "state_changed"u8);
        w.WriteStartObject("data"u8);
        w.WriteString("entity_id"u8, entityId);
        w.WritePropertyName("old_state"u8);
        WriteState(w, index, entityId, fired.AddSeconds(-30), old: true);
        w.WritePropertyName("new_state"u8);
        WriteState(w, index, entityId, fired, old: false);
        w.WriteEndObject();
        w.WriteString("origin"u8, "LOCAL"u8);
        w.WriteString("time_fired"u8, IsoTime(fired));
        WriteContext(w, index, 0);
        w.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter w, int index, string entityId, DateTimeOffset updated, bool old)
    {
        var step = old ? 0.0 : 0.5;
        w.WriteStartObject();
        w.WriteString("entity_id"u8, entityId);
        switch (index % 3)
        {
            case 0:
                w.WriteString("state"u8, "heat"u8);
                WriteClimateAttributes(w, index, step);
                break;
            case 1:
                w.WriteString("state"u8, (19.0 + (index % 50 / 10.0) + step).ToString("0.0#", CultureInfo.InvariantCulture));
                WriteTemperatureAttributes(w, index);
                break;
            default:
                w.WriteString("state"u8, (850.0 + index + (step * 100)).ToString("0.0", CultureInfo.InvariantCulture));
                WritePowerAttributes(w, index);
                break;
        }

        w.WriteString("last_changed"u8, IsoTime(updated));
        w.WriteString("last_reported"u8, IsoTime(updated));
        w.WriteString("last_updated"u8, IsoTime(updated));
        WriteContext(w, index, old ? 1 : 2);
        w.WriteEndObject();
    }

    // 15 attributes, as a Versatile Thermostat / generic_thermostat climate reports.
    private static void WriteClimateAttributes(Utf8JsonWriter w, int index, double step)
    {
        w.WriteStartObject("attributes"u8);
        w.WriteStartArray("hvac_modes"u8);
        w.WriteStringValue("off"u8);
        w.WriteStringValue("heat"u8);
        w.WriteStringValue("auto"u8);
        w.WriteEndArray();
        w.WriteNumber("min_temp"u8, 7);
        w.WriteNumber("max_temp"u8, 30);
        w.WriteNumber("target_temp_step"u8, 0.5);
        w.WriteStartArray("preset_modes"u8);
        foreach (var preset in (ReadOnlySpan<string>)["none", "eco", "comfort", "boost", "away"])
        {
            w.WriteStringValue(preset);
        }

        w.WriteEndArray();
        w.WriteNumber("current_temperature"u8, 20.1 + step);
        w.WriteNumber("temperature"u8, 21.0);
        w.WriteNumber("current_humidity"u8, 44);
        w.WriteString("hvac_action"u8, "heating"u8);
        w.WriteString("preset_mode"u8, "comfort"u8);
        w.WriteNumber("valve_position"u8, 37 + (index % 40));
        w.WriteBoolean("window_open"u8, false);
        w.WriteString("friendly_name"u8, $"{Room(index)} thermostat");
        w.WriteString("icon"u8, "mdi:thermostat"u8);
        w.WriteNumber("supported_features"u8, 401);
        w.WriteEndObject();
    }

    // 9 attributes, as a Zigbee2MQTT temperature sensor reports.
    private static void WriteTemperatureAttributes(Utf8JsonWriter w, int index)
    {
        w.WriteStartObject("attributes"u8);
        w.WriteString("state_class"u8, "measurement"u8);
        w.WriteString("unit_of_measurement"u8, "°C");
        w.WriteString("device_class"u8, "temperature"u8);
        w.WriteString("friendly_name"u8, $"{Room(index)} temperature");
        w.WriteNumber("battery"u8, 87);
        w.WriteNumber("voltage"u8, 2995);
        w.WriteNumber("linkquality"u8, 120 + (index % 100));
        w.WriteNumber("humidity"u8, 48.2);
        w.WriteString("last_seen"u8, "2026-01-09T10:32:59.118Z"u8);
        w.WriteEndObject();
    }

    // 11 attributes, as a smart plug's power sensor reports.
    private static void WritePowerAttributes(Utf8JsonWriter w, int index)
    {
        w.WriteStartObject("attributes"u8);
        w.WriteString("state_class"u8, "measurement"u8);
        w.WriteString("unit_of_measurement"u8, "W"u8);
        w.WriteString("device_class"u8, "power"u8);
        w.WriteString("friendly_name"u8, $"{Room(index)} heater power");
        w.WriteNumber("voltage"u8, 229.4);
        w.WriteNumber("current"u8, 3.71);
        w.WriteNumber("energy"u8, 1532.118 + index);
        w.WriteNumber("power_factor"u8, 0.98);
        w.WriteNumber("linkquality"u8, 140);
        w.WriteString("update_available"u8, "false"u8);
        w.WriteString("icon"u8, "mdi:flash"u8);
        w.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter w, int index, int which)
    {
        w.WriteStartObject("context"u8);
        w.WriteString("id"u8, $"01KEH{index:D8}{which:D2}QZ7XN4V0B3WY");
        w.WriteNull("parent_id"u8);
        w.WriteNull("user_id"u8);
        w.WriteEndObject();
    }

    private static string IsoTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
