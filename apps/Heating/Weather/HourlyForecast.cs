using System.Text.Json;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Apps.Heating.Weather;

/// <summary>
/// The latest hourly forecast of a HA weather entity, asked for with <c>weather.get_forecasts</c> (a service call with
/// a response; https://www.home-assistant.io/integrations/weather/#action-weatherget_forecasts) and kept for the
/// optimiser's plan. Thread-safe: refreshed on the scheduler, read by the decision round.
/// </summary>
public sealed class HourlyForecast(IHaContext ha, string entityId)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<ForecastTemperature> _points = [];

    /// <summary>The weather entity, e.g. <c>weather.home</c>.</summary>
    public string EntityId { get; } = entityId;

    /// <summary>When the forecast was last received, or null before the first answer.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The hours of the latest forecast, in time order.</summary>
    public IReadOnlyList<ForecastTemperature> Points
    {
        get
        {
            lock (_gate)
            {
                return _points;
            }
        }
    }

    /// <summary>Asks HA for the hourly forecast and keeps it; a failed or empty answer keeps the previous one.</summary>
    public async Task<bool> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var call = new ServiceCall("weather", "get_forecasts", ServiceTarget.Entities(EntityId), new { type = "hourly" }, ReturnResponse: true);
        var response = await ha.CallServiceAsync(call, cancellationToken).ConfigureAwait(false);
        var fahrenheit = ha.GetState(EntityId)?.Attribute("temperature_unit") is { ValueKind: JsonValueKind.String } unit
            && unit.GetString() == "°F";
        var points = HourlyForecastParser.Parse(response, EntityId, fahrenheit);
        if (points.Count == 0)
        {
            return false;
        }

        lock (_gate)
        {
            _points = points;
            ReceivedAt = now;
        }

        return true;
    }

    /// <summary>
    /// The planner's weather: the measured outdoor temperature now, then the forecast's later hours. HA's forecasts carry
    /// no irradiance, so the solar reading of now is held (as the optimiser did before it had a forecast).
    /// </summary>
    public IReadOnlyList<WeatherPoint> ForPlan(DateTimeOffset now, double outdoor, double solar)
    {
        var weather = new List<WeatherPoint> { new(now, outdoor, solar) };
        weather.AddRange(Points.Where(p => p.At > now).Select(p => new WeatherPoint(p.At, p.Temperature, solar)));
        return weather;
    }
}
