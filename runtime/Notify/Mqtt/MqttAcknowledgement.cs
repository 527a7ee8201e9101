using System.Text.Json;

namespace ProofOfHeat.Notify.Mqtt;

/// <summary>
/// One acknowledgement read from <see cref="MqttAlertTopics.Acknowledge"/>: the payload is the alert's key as plain
/// text, or JSON <c>{"key": …}</c> or <c>{"id": …}</c> (the occurrence id from the alert's JSON), with an optional
/// <c>"by"</c> naming who answered (default <c>node-red</c>). The audit records <c>mqtt:&lt;by&gt;</c>.
/// </summary>
/// <param name="Key">The alert key, or null when the id is given.</param>
/// <param name="Id">The occurrence id, or null when the key is given.</param>
/// <param name="By">Who answered, cleaned for the audit.</param>
public sealed record MqttAcknowledgement(string? Key, string? Id, string By)
{
    /// <summary>Who answers when the payload names nobody.</summary>
    public const string DefaultBy = "node-red";

    private const int MaxByLength = 64;

    /// <summary>The actor written to the audit and shown as the alert's <c>by</c>.</summary>
    public string Actor => "mqtt:" + By;

    /// <summary>Reads <paramref name="payload"/>; null when it names no alert.</summary>
    public static MqttAcknowledgement? Parse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var text = payload.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] != '{')
        {
            return new MqttAcknowledgement(text, null, DefaultBy);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var key = Text(root, "key");
            var id = Text(root, "id");
            return key is null && id is null ? null : new MqttAcknowledgement(key, id, Clean(Text(root, "by")));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    // The name ends up in logs and the audit: printable characters only, and short.
    private static string Clean(string? by)
    {
        var cleaned = new string([.. (by ?? string.Empty).Where(c => !char.IsControl(c)).Take(MaxByLength)]).Trim();
        return cleaned.Length == 0 ? DefaultBy : cleaned;
    }
}
