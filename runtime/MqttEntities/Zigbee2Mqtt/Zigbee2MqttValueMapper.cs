using System.Text.Json;
using System.Text.Json.Nodes;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// Translates between Zigbee2MQTT's JSON values and HA-style entity states and service calls, per domain, so apps see
/// a Zigbee2MQTT valve exactly as they would see HA's entity for it (<c>on</c>/<c>off</c>, <c>open</c>/<c>closed</c>).
/// </summary>
internal static class Zigbee2MqttValueMapper
{
    /// <summary>The domains a Zigbee2MQTT property can appear as.</summary>
    public static readonly IReadOnlySet<string> SupportedDomains = new HashSet<string>(StringComparer.Ordinal)
    {
        "binary_sensor", "sensor", "switch", "valve", "number", "select",
    };

    /// <summary>The state string for <paramref name="value"/> of an entity in <paramref name="domain"/>.</summary>
    public static string ToState(string domain, JsonElement value, Zigbee2MqttEntityOptions options)
    {
        bool? on = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when string.Equals(value.GetString(), options.PayloadOn, StringComparison.OrdinalIgnoreCase) => true,
            JsonValueKind.String when string.Equals(value.GetString(), options.PayloadOff, StringComparison.OrdinalIgnoreCase) => false,
            _ => null,
        };
        return domain switch
        {
            "binary_sensor" or "switch" when on is { } b => b ? "on" : "off",
            "valve" when on is { } b => b ? "open" : "closed",
            _ => value.ValueKind switch
            {
                JsonValueKind.Null => "unknown",
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.True => "on",
                JsonValueKind.False => "off",
                _ => value.GetRawText(),
            },
        };
    }

    /// <summary>
    /// The value to send for <paramref name="call"/> on an entity in <paramref name="domain"/> whose state is
    /// <paramref name="currentState"/>.
    /// </summary>
    /// <exception cref="ServiceCallException">The service does not apply to the domain, or its data is missing.</exception>
    public static JsonNode ToCommandValue(string domain, ServiceCall call, string? currentState, Zigbee2MqttEntityOptions options)
    {
        var service = call.Service;
        var isOn = currentState is "on" or "open";
        return (domain, call.Domain, service) switch
        {
            ("switch" or "valve", "switch" or "valve" or "homeassistant", "turn_on" or "open_valve") => options.PayloadOn,
            ("switch" or "valve", "switch" or "valve" or "homeassistant", "turn_off" or "close_valve") => options.PayloadOff,
            ("switch" or "valve", "switch" or "valve" or "homeassistant", "toggle") => isOn ? options.PayloadOff : options.PayloadOn,
            ("number", "number", "set_value") => DataValue(call, "value", v => v.ValueKind == JsonValueKind.Number
                ? JsonValue.Create(v.GetDouble())
                : double.TryParse(v.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
                    ? JsonValue.Create(d)
                    : throw Invalid(call, "value must be a number")),
            ("select", "select", "select_option") => DataValue(call, "option", v => JsonValue.Create(v.GetString())),
            _ => throw new ServiceCallException(
                "not_supported",
                $"{call.Domain}.{service} does not apply to a Zigbee2MQTT {domain} entity."),
        };
    }

    private static JsonNode DataValue(ServiceCall call, string name, Func<JsonElement, JsonNode?> convert)
    {
        var data = ServiceData.ToJson(call.Data) ?? default;
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value))
        {
            throw Invalid(call, $"data.{name} is required");
        }

        return convert(value) ?? throw Invalid(call, $"data.{name} is invalid");
    }

    private static ServiceCallException Invalid(ServiceCall call, string reason) =>
        new("invalid_data", $"{call.Domain}.{call.Service}: {reason}.");
}
