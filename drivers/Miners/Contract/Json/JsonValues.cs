using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Json;

/// <summary>
/// Lenient lookups in a reply: a missing member or a value of the wrong kind gives null instead of
/// throwing, and numbers written as strings are read as numbers (firmware does both).
/// </summary>
public static class JsonValues
{
    /// <summary>Follows <paramref name="path"/> (member names) from <paramref name="element"/>.</summary>
    public static JsonElement? At(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The number at <paramref name="path"/>, or null.</summary>
    public static double? Number(JsonElement element, params string[] path) => At(element, path) is { } value ? AsNumber(value) : null;

    /// <summary>The string at <paramref name="path"/>, or null.</summary>
    public static string? Text(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The boolean at <paramref name="path"/>, or null.</summary>
    public static bool? Flag(JsonElement element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The elements of the array at <paramref name="path"/>, or none.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A number, or a string holding one; null otherwise.</summary>
    public static double? AsNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed) => parsed,
        _ => null,
    };
}
