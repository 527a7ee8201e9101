using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The fake's <c>weather.get_forecasts</c>.</summary>
public sealed partial class FakeHomeAssistant
{
    /// <summary>
    /// Registers <c>weather.get_forecasts</c> (responses only, as in HA) answering, for each targeted weather entity,
    /// the hourly temperatures <paramref name="hourly"/> gives at call time, shaped as HA returns them:
    /// <c>{"weather.home": {"forecast": [{"datetime": "…", "temperature": 5.0, "condition": "cloudy"}]}}</c>
    /// (https://www.home-assistant.io/integrations/weather/#action-weatherget_forecasts).
    /// </summary>
    public void AnswerWeatherForecasts(Func<string, IReadOnlyList<(DateTimeOffset At, double Temperature)>> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        RegisterService("weather", "get_forecasts", call =>
        {
            return FakeServiceOutcome.WithResponse(WeatherForecastResponse(call.TargetEntityIds.Select(e => (e, hourly(e)))));
        }, FakeResponseSupport.Only);
    }

    /// <summary>The response body of <c>weather.get_forecasts</c> for the given entities and hours.</summary>
    public static JsonObject WeatherForecastResponse(IEnumerable<(string Entity, IReadOnlyList<(DateTimeOffset At, double Temperature)> Hours)> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        var response = new JsonObject();
        foreach (var (entity, hours) in forecasts)
        {
            var list = new JsonArray();
            foreach (var (at, temperature) in hours)
            {
                list.Add(new JsonObject
                {
                    ["datetime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                    ["temperature"] = temperature,
                    ["condition"] = "cloudy",
                });
            }

            response[entity] = new JsonObject { ["forecast"] = list };
        }

        return response;
    }
}
