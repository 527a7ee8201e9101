using System.Text.Json;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.HomeAssistant.Codec;

/// <summary>Writes outgoing messages as compact JSON. Pure and synchronous.</summary>
internal static class HaCommandEncoder
{
    // One shared options instance: STJ caches type metadata per options object. HA's fields are
    // snake_case (`entity_id`, `hvac_mode`; https://developers.home-assistant.io/docs/api/websocket/),
    // so an object's properties are written that way; dictionary keys and JsonElement pass unchanged.
    private static readonly JsonSerializerOptions ValueOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes <c>{"type":"auth","access_token":…}</c> (the auth message has no id).</summary>
    public static void WriteAuth(Utf8JsonWriter writer, string accessToken)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "auth"u8);
        writer.WriteString("access_token"u8, accessToken);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Writes one command with its id.</summary>
    public static void WriteCommand(Utf8JsonWriter writer, int id, HaCommand command)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, id);
        writer.WriteString("type"u8, command.Type);
        switch (command)
        {
            case HaSimpleCommand:
                break;
            case HaSupportedFeaturesCommand:
                writer.WriteStartObject("features"u8);
                writer.WriteNumber("coalesce_messages"u8, 1);
                writer.WriteEndObject();
                break;
            case HaSubscribeEventsCommand subscribe:
                if (subscribe.EventType is not null)
                {
                    writer.WriteString("event_type"u8, subscribe.EventType);
                }

                break;
            case HaUnsubscribeEventsCommand unsubscribe:
                writer.WriteNumber("subscription"u8, unsubscribe.SubscriptionId);
                break;
            case HaCallServiceCommand call:
                WriteCallService(writer, call);
                break;
            case HaRawCommand raw when raw.Fields is not null:
                foreach (var (name, value) in raw.Fields)
                {
                    if (name is "id" or "type")
                    {
                        throw new ArgumentException($"The field '{name}' is set by the connection.", nameof(command));
                    }

                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }

                break;
            case HaRawCommand:
                break;
            default:
                throw new ArgumentException($"Unknown command record {command.GetType().Name}.", nameof(command));
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteCallService(Utf8JsonWriter writer, HaCallServiceCommand call)
    {
        writer.WriteString("domain"u8, call.Domain);
        writer.WriteString("service"u8, call.Service);
        if (call.ServiceData is not null)
        {
            writer.WritePropertyName("service_data"u8);
            WriteValue(writer, call.ServiceData);
        }

        if (call.Target is { } target)
        {
            writer.WriteStartObject("target"u8);
            WriteIds(writer, "entity_id"u8, target.EntityIds);
            WriteIds(writer, "device_id"u8, target.DeviceIds);
            WriteIds(writer, "area_id"u8, target.AreaIds);
            WriteIds(writer, "floor_id"u8, target.FloorIds);
            WriteIds(writer, "label_id"u8, target.LabelIds);
            writer.WriteEndObject();
        }

        if (call.ReturnResponse)
        {
            writer.WriteBoolean("return_response"u8, true);
        }
    }

    private static void WriteIds(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string>? ids)
    {
        if (ids is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        for (var i = 0; i < ids.Count; i++)
        {
            writer.WriteStringValue(ids[i]);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), ValueOptions);
                break;
        }
    }
}
