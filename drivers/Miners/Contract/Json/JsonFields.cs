using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Json;

/// <summary>
/// Reads fields of bmminer and cgi replies, which write the same figure as a number on one firmware
/// and as a string on another (<c>"GHS 5s":"13612.44"</c> on the S9, a number on the S19).
/// </summary>
public static class JsonFields
{
    /// <summary>The named field as a finite number, whether written as a number or a numeric string.</summary>
    public static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? Number(value) : null;

    /// <summary>The value as a finite number, whether written as a number or a numeric string.</summary>
    public static double? Number(JsonElement value)
    {
        var result = double.NaN;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            result = number;
        }
        else if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            result = parsed;
        }

        // Avalon and some bmminer builds write "inf" and "nan"; those are no reading at all.
        return double.IsFinite(result) ? result : null;
    }

    /// <summary>The named field as a whole number (fractions are cut), or null.</summary>
    public static long? WholeNumber(JsonElement obj, string name) =>
        Number(obj, name) is { } d && d is >= long.MinValue and <= long.MaxValue ? (long)d : null;

    /// <summary>The named field as a string (numbers give their text), or null.</summary>
    public static string? Text(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>The first element of the named array section (e.g. <c>SUMMARY[0]</c>), or an undefined element.</summary>
    public static JsonElement Section(JsonElement root, string name, int index = 0) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(name, out var section)
        && section.ValueKind == JsonValueKind.Array
        && section.GetArrayLength() > index
            ? section[index]
            : default;
}
