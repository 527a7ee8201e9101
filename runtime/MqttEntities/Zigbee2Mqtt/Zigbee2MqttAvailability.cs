using System.Text.Json;

namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// Reads a Zigbee2MQTT availability payload. Only the documented shapes are accepted: the legacy plain text
/// <c>online</c> / <c>offline</c>, or the JSON object <c>{"state":"online"}</c> / <c>{"state":"offline"}</c>
/// (https://www.zigbee2mqtt.io/guide/configuration/device-availability.html, "Availability payload").
/// Anything else is reported as a problem, never thrown: the payload comes from the network.
/// </summary>
internal static class Zigbee2MqttAvailability
{
    /// <summary>Far above <c>{"state":"offline"}</c>; a larger payload is not an availability message and is not parsed.</summary>
    private const int MaxPayloadBytes = 1024;

    /// <summary>Returns true (online) or false (offline), or null with <paramref name="problem"/> saying why not.</summary>
    public static bool? Parse(ReadOnlySpan<byte> payload, out string? problem)
    {
        problem = null;
        if (payload.Length > MaxPayloadBytes)
        {
            problem = $"availability payload of {payload.Length} bytes";
            return null;
        }

        var trimmed = payload.Trim(" \t\r\n"u8);
        if (trimmed.SequenceEqual("online"u8))
        {
            return true;
        }

        if (trimmed.SequenceEqual("offline"u8))
        {
            return false;
        }

        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            problem = "availability is neither online nor offline";
            return null;
        }

        return ParseJson(trimmed, out problem);
    }

    private static bool? ParseJson(ReadOnlySpan<byte> json, out string? problem)
    {
        problem = null;
        try
        {
            // Parse (not ParseValue) so that trailing content after the object is an error too; at most 1 KB is copied.
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String)
            {
                if (state.ValueEquals("online"u8))
                {
                    return true;
                }

                if (state.ValueEquals("offline"u8))
                {
                    return false;
                }
            }

            problem = "availability JSON without \"state\": \"online\" or \"offline\"";
            return null;
        }
        catch (JsonException ex)
        {
            problem = $"availability is not valid JSON: {ex.Message}";
            return null;
        }
    }
}
