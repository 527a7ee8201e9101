using ProofOfHeat.Sim.Weather;

namespace ProofOfHeat.Sim.Tests;

public sealed class SyntheticWinterWeatherTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TemperatureAt_SameSeed_SameSeries()
    {
        var a = new SyntheticWinterWeather(42, Start);
        var b = new SyntheticWinterWeather(42, Start);
        for (var minute = 0; minute < 3 * 24 * 60; minute += 17)
        {
            var at = Start.AddMinutes(minute);
            Assert.Equal(a.TemperatureAt(at), b.TemperatureAt(at));
        }
    }

    [Fact]
    public void TemperatureAt_DifferentSeeds_DifferentSeries()
    {
        var a = new SyntheticWinterWeather(1, Start);
        var b = new SyntheticWinterWeather(2, Start);
        Assert.NotEqual(a.TemperatureAt(Start.AddHours(5)), b.TemperatureAt(Start.AddHours(5)));
    }

    [Fact]
    public void TemperatureAt_QueriedOutOfOrder_SameValues()
    {
        var forward = new SyntheticWinterWeather(7, Start);
        var backward = new SyntheticWinterWeather(7, Start);
        var late = backward.TemperatureAt(Start.AddHours(30));
        var early = backward.TemperatureAt(Start.AddHours(2.5));

        Assert.Equal(forward.TemperatureAt(Start.AddHours(2.5)), early);
        Assert.Equal(forward.TemperatureAt(Start.AddHours(30)), late);
    }

    [Fact]
    public void TemperatureAt_NoResidual_AfternoonWarmerThanNight()
    {
        var weather = new SyntheticWinterWeather(3, Start, new WinterWeatherOptions { DailyMean = 0, ResidualSigma = 0 });
        var night = weather.TemperatureAt(new DateTimeOffset(2026, 1, 6, 3, 0, 0, TimeSpan.Zero));
        var afternoon = weather.TemperatureAt(new DateTimeOffset(2026, 1, 6, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(3.5, afternoon, 9);
        Assert.True(night < -3);
    }

    [Fact]
    public void TemperatureAt_TwoWeeks_StaysWinterlike()
    {
        var weather = new SyntheticWinterWeather(11, Start);
        for (var hour = 0; hour < 14 * 24; hour++)
        {
            Assert.InRange(weather.TemperatureAt(Start.AddHours(hour)), -10, 15);
        }
    }

    [Fact]
    public void TemperatureAt_BeforeStart_Throws()
    {
        var weather = new SyntheticWinterWeather(1, Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => weather.TemperatureAt(Start.AddMinutes(-1)));
    }
}
