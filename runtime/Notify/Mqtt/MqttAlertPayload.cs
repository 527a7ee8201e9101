using System.Text.Json;
using System.Text.Json.Nodes;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.Mqtt;

/// <summary>
/// The JSON of one alert change, the same on the retained topic and the events topic: <c>id</c>, <c>key</c>,
/// <c>event</c> (raised, repeated, acknowledged, resolved), <c>state</c>, <c>severity</c> (info, warning, critical),
/// <c>source</c>, <c>kind</c>, <c>title</c>, <c>text</c> (the rendered texts people get), <c>by</c>, <c>level</c>,
/// <c>raised_at</c>, <c>changed_at</c> (ISO 8601 UTC), <c>actions</c> (the rule's own action ids).
/// </summary>
public static class MqttAlertPayload
{
    /// <summary>The payload of <paramref name="delivery"/> with the texts from <paramref name="text"/>.</summary>
    public static string Build(AlertDelivery delivery, RenderedAlert text)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(text);
        var alert = delivery.Alert;
        var json = new JsonObject
        {
            ["id"] = alert.Id,
            ["key"] = alert.Key,
            ["event"] = EventName(delivery.Kind),
            ["state"] = alert.State.ToString().ToLowerInvariant(),
            ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
            ["source"] = alert.Request.Source,
            ["kind"] = alert.Request.Kind,
            ["title"] = text.Title,
            ["text"] = text.Message,
            ["by"] = alert.By,
            ["level"] = delivery.Level,
            ["raised_at"] = alert.RaisedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["changed_at"] = alert.ChangedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["actions"] = new JsonArray([.. (alert.Request.Actions ?? []).Select(a => JsonValue.Create(a.Id))]),
        };
        return json.ToJsonString(Options);
    }

    /// <summary>The <c>event</c> value of <paramref name="kind"/>.</summary>
    public static string EventName(AlertDeliveryKind kind) => kind.ToString().ToLowerInvariant();

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
