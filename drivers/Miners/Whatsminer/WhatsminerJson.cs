using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Whatsminer;

/// <summary>Lenient reads of the values btminer writes: numbers that may come as strings, quoted, or as "inf"/"nan".</summary>
internal static class WhatsminerJson
{
    /// <summary>The named property of an object, or null when absent or null.</summary>
    public static JsonElement? Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A number, or a string holding one; null otherwise.</summary>
    public static double? Double(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(
            value.GetString()?.Trim().Trim('\''), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    };

    /// <summary>A whole number (rounded), or null.</summary>
    public static int? Int(JsonElement value) => Double(value) is { } d ? (int)Math.Round(d) : null;

    /// <summary>A long whole number (rounded), or null.</summary>
    public static long? Long(JsonElement value) => Double(value) is { } d ? (long)Math.Round(d) : null;

    /// <summary>The named number property, or null.</summary>
    public static double? Double(JsonElement obj, string name) => Get(obj, name) is { } v ? Double(v) : null;

    /// <summary>The named whole-number property, or null.</summary>
    public static int? Int(JsonElement obj, string name) => Get(obj, name) is { } v ? Int(v) : null;

    /// <summary>The named property as text (numbers and booleans as their JSON text), single quotes stripped, or null.</summary>
    public static string? Text(JsonElement obj, string name) => Get(obj, name) is { } v
        ? v.ValueKind == JsonValueKind.String ? v.GetString()?.Trim('\'') : v.GetRawText()
        : null;

    /// <summary>The named property as a boolean: true/false, "true"/"false", 1/0.</summary>
    public static bool? Bool(JsonElement obj, string name) => Get(obj, name) is not { } v
        ? null
        : v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.GetDouble() != 0,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            JsonValueKind.String when v.GetString() is "1" or "0" => v.GetString() == "1",
            _ => null,
        };

    /// <summary>The named array of numbers, or empty.</summary>
    public static IReadOnlyList<double> Doubles(JsonElement obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(Double).OfType<double>()]
            : [];
}
