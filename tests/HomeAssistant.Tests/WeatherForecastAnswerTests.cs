using ProofOfHeat.HomeAssistant.Tests.Support;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests;

/// <summary>The fake HA's <c>weather.get_forecasts</c>, through the real client, shaped as HA answers it.</summary>
public sealed class WeatherForecastAnswerTests
{
    [Fact]
    public async Task GetForecasts_AnswersEachTargetsHourlyForecast_AndRefusesACallWithoutResponse()
    {
        var hour = new DateTimeOffset(2027, 1, 5, 6, 0, 0, TimeSpan.Zero);
        var cold = false;
        await using var harness = RunnerHarness.Create(configureServer: s => s.AnswerWeatherForecasts(
            _ => [(hour, cold ? -12.0 : 2.0), (hour.AddHours(1), cold ? -13.0 : 1.5)]));
        await harness.StartAndWaitConnectedAsync();

        var mild = await harness.Runner.CallServiceAsync(
            "weather", "get_forecasts", HaTarget.ForEntities("weather.home"), new { type = "hourly" }, true, CancellationToken.None);
        cold = true;
        var turned = await harness.Runner.CallServiceAsync(
            "weather", "get_forecasts", HaTarget.ForEntities("weather.home"), new { type = "hourly" }, true, CancellationToken.None);

        var first = mild.Response!.Value.GetProperty("weather.home").GetProperty("forecast")[0];
        Assert.Equal("2027-01-05T06:00:00+00:00", first.GetProperty("datetime").GetString());
        Assert.Equal(2.0, first.GetProperty("temperature").GetDouble());
        Assert.Equal(-13.0, turned.Response!.Value.GetProperty("weather.home").GetProperty("forecast")[1].GetProperty("temperature").GetDouble());
        await Assert.ThrowsAnyAsync<Exception>(() => harness.Runner.CallServiceAsync(
            "weather", "get_forecasts", HaTarget.ForEntities("weather.home"), new { type = "hourly" }, false, CancellationToken.None));
    }
}
