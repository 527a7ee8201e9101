using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.Drivers.HeatSources.EmsEsp;

/// <summary>
/// Folds one EMS-ESP boiler payload into <see cref="EmsEspBoilerData"/>. EMS-ESP publishes the boiler's values as a JSON
/// object on <c>&lt;base&gt;/boiler_data</c>; with the "nested" MQTT format the hot-water values sit in a <c>dhw</c> (or,
/// before 3.7, <c>ww</c>) object inside it, with the flat format they come as <c>ww…</c> keys or on their own topic
/// (<c>boiler_data_dhw</c> / <c>boiler_data_ww</c>) (docs.emsesp.org, "MQTT" and "Entities"). Booleans follow the user's
/// "Boolean format" setting: on/off, ON/OFF, true/false or 1/0 — all are accepted. Pure; anything that is not a JSON
/// object leaves the data as it was.
/// </summary>
public static class EmsEspBoilerDataParser
{
    /// <summary>Merges <paramref name="payload"/>; false (and <paramref name="data"/> unchanged) when it is not a JSON object.</summary>
    public static bool TryMerge(EmsEspBoilerData data, ReadOnlyMemory<byte> payload, bool dhwTopic, out EmsEspBoilerData merged)
    {
        ArgumentNullException.ThrowIfNull(data);
        merged = data;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var dhw = dhwTopic ? root : Object(root, "dhw") ?? Object(root, "ww");
            merged = data with
            {
                MessageCount = data.MessageCount + 1,
                HeatingActivated = Flag(root, "heatingactivated") ?? data.HeatingActivated,
                HeatingActive = Flag(root, "heatingactive") ?? data.HeatingActive,
                BurnerOn = Flag(root, "burngas") ?? data.BurnerOn,
                SelectedFlowTemperature = Number(root, "selflowtemp") ?? data.SelectedFlowTemperature,
                FlowTemperature = Number(root, "curflowtemp") ?? data.FlowTemperature,
                ReturnTemperature = Number(root, "rettemp") ?? data.ReturnTemperature,
                BurnerPower = Number(root, "curburnpow") ?? data.BurnerPower,
                BurnerMaxPower = Number(root, "burnmaxpower") ?? data.BurnerMaxPower,
                OutdoorTemperature = Number(root, "outdoortemp") ?? data.OutdoorTemperature,
                DhwSetpoint = (dhw is { } d ? Number(d, "seltemp") ?? Number(d, "wwseltemp") : null) ?? Number(root, "wwseltemp") ?? data.DhwSetpoint,
                DhwTemperature = (dhw is { } e ? Number(e, "curtemp") ?? Number(e, "wwcurtemp") : null) ?? Number(root, "wwcurtemp") ?? data.DhwTemperature,
                ServiceCode = Text(root, "servicecode") ?? data.ServiceCode,
            };
            return true;
        }
    }

    /// <summary>A boolean in any of EMS-ESP's boolean formats; null for anything else.</summary>
    public static bool? ParseFlag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetDouble(out var n) => n != 0,
        JsonValueKind.String => value.GetString()?.Trim().ToUpperInvariant() switch
        {
            "ON" or "TRUE" or "1" => true,
            "OFF" or "FALSE" or "0" => false,
            _ => null,
        },
        _ => null,
    };

    private static JsonElement? Object(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static bool? Flag(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? ParseFlag(value) : null;

    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        var number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var n) => n,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            _ => (double?)null,
        };
        return number is { } x && double.IsFinite(x) ? x : null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
