using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProofOfHeat.AppModel.Services;

/// <summary>
/// The one way a <see cref="ServiceCall"/>'s data becomes JSON, for every backend. Home Assistant's
/// service fields are snake_case (<c>entity_id</c>, <c>hvac_mode</c>, <c>brightness_pct</c>: see the
/// <c>call_service</c> example at https://developers.home-assistant.io/docs/api/websocket/#calling-a-service-action
/// and each integration's <c>services.yaml</c>), so a C# record's or anonymous object's PascalCase
/// properties are written snake_case. Dictionary keys, <see cref="JsonElement"/> and JsonNode data pass
/// through exactly as given, and a <see cref="JsonPropertyNameAttribute"/> still wins. Null properties are
/// left out, as if the caller had not set the field.
/// </summary>
public static class ServiceData
{
    /// <summary>The serializer options for service data.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary><paramref name="data"/> as JSON (null stays null).</summary>
    /// <exception cref="ServiceCallException">The data cannot be written as JSON (code <c>service_validation_error</c>).</exception>
    public static JsonElement? ToJson(object? data)
    {
        try
        {
            return data switch
            {
                null => null,
                JsonElement element => element,
                _ => JsonSerializer.SerializeToElement(data, data.GetType(), JsonOptions),
            };
        }
        catch (NotSupportedException ex)
        {
            throw new ServiceCallException("service_validation_error", $"The service data ({data?.GetType().Name}) cannot be written as JSON: {ex.Message}", ex);
        }
    }
}
