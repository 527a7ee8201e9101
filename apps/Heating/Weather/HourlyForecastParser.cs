using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.Apps.Heating.Weather;

/// <summary>
/// Reads the response of HA's <c>weather.get_forecasts</c> (type hourly): an object keyed by weather entity id, each
/// holding <c>forecast</c>, a list of entries with <c>datetime</c> (ISO 8601) and <c>temperature</c> (in the entity's
/// temperature unit) among other fields. Source: https://www.home-assistant.io/integrations/weather/#action-weatherget_forecasts
/// (the action returns "forecast" per entity; "datetime" and "temperature" are the forecast attributes every
/// weather entity provides).
/// </summary>
public static class HourlyForecastParser
{
    /// <summary>The entity's hourly temperatures in time order; empty when the response holds none for it.</summary>
    /// <param name="response">The service response.</param>
    /// <param name="entityId">The weather entity asked for.</param>
    /// <param name="fahrenheit">Whether the entity reports °F (converted to °C).</param>
    public static IReadOnlyList<ForecastTemperature> Parse(JsonElement? response, string entityId, bool fahrenheit = false)
    {
        if (response is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty(entityId, out var entity) || entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("forecast", out var forecast) || forecast.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var points = new List<ForecastTemperature>();
        foreach (var entry in forecast.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("datetime", out var at) || at.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                || !entry.TryGetProperty("temperature", out var temperature) || temperature.ValueKind != JsonValueKind.Number)
            {
                // One entry a provider left incomplete must not cost the rest of the forecast.
                continue;
            }

            var value = temperature.GetDouble();
            points.Add(new ForecastTemperature(when.ToUniversalTime(), fahrenheit ? (value - 32) * 5 / 9 : value));
        }

        return [.. points.OrderBy(p => p.At)];
    }
}
