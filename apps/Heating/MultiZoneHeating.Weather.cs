using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating.Weather;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// The weather the optimiser plans with: the hourly forecast of <see cref="Optimiser.OptimiserOptions.WeatherEntity"/>,
/// asked for at the start and every hour (providers update hourly forecasts about that often). Without an entity, or
/// before the first answer, the plan holds today's outdoor temperature, as it did before.
/// </summary>
internal sealed partial class MultiZoneHeating
{
    /// <summary>How often the forecast is asked for again.</summary>
    public static readonly TimeSpan ForecastRefresh = TimeSpan.FromHours(1);

    private HourlyForecast? _forecast;

    /// <summary>The forecast the plans use, or null when no weather entity is configured.</summary>
    public HourlyForecast? Forecast => _forecast;

    private void StartForecast()
    {
        if (_options.Optimiser.WeatherEntity is not { Length: > 0 } entity)
        {
            return;
        }

        _forecast = new HourlyForecast(_ha, entity);
        _subscriptions.Add(_scheduler.RunEvery(ForecastRefresh, TimeSpan.Zero, RefreshForecastAsync));
    }

    private async Task RefreshForecastAsync(CancellationToken cancellationToken)
    {
        if (_forecast is null || _disposed)
        {
            return;
        }

        try
        {
            if (!await _forecast.RefreshAsync(_scheduler.TimeProvider.GetUtcNow(), cancellationToken))
            {
                LogForecastEmpty(_logger, _forecast.EntityId);
            }
        }
        catch (ServiceCallException ex)
        {
            // HA down or the entity gone: the plan keeps the last forecast (or today's temperature) until the next hour.
            LogForecastFailed(_logger, ex, _forecast.EntityId);
        }
    }

    [LoggerMessage(EventId = 5240, Level = LogLevel.Warning, Message = "Heating: weather.get_forecasts for {Entity} gave no hourly forecast; the plan keeps the last one")]
    private static partial void LogForecastEmpty(ILogger logger, string entity);

    [LoggerMessage(EventId = 5241, Level = LogLevel.Warning, Message = "Heating: weather.get_forecasts for {Entity} failed; the plan keeps the last forecast")]
    private static partial void LogForecastFailed(ILogger logger, Exception ex, string entity);
}
