using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>Reads parameters that arrive as JSON values or as form strings.</summary>
internal static class FakeTelegramValues
{
    public static long? Long(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<long>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new FormatException($"field \"{name}\" must be of type Integer"),
    };

    public static string? String(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw new FormatException($"field \"{name}\" must be of type String"),
    };

    public static bool Bool(JsonObject parameters, string name) => parameters[name] switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is "true" or "1",
        _ => throw new FormatException($"field \"{name}\" must be of type Boolean"),
    };
}
