using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Sim.Tests.Heating;

public sealed class BoundaryTests
{
    private static readonly DateTimeOffset Monday = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void T3_EachDayIsPublishedAt13TheDayBefore()
    {
        var slots = TariffGenerator.Generate(TariffKind.T3, 7, Monday, TimeSpan.FromDays(4));
        Assert.Equal(4 * 96, slots.Count);
        foreach (var slot in slots.Where(s => s.Start >= Monday.AddDays(1)))
        {
            var expected = new DateTimeOffset(slot.Start.UtcDateTime.Date.AddDays(-1).AddHours(13), TimeSpan.Zero);
            Assert.Equal(expected, slot.PublishedAt);
        }

        // Before 13:00 the next day is not yet visible; from 13:00 it is.
        Assert.DoesNotContain(slots, s => s.Start >= Monday.AddDays(2) && s.PublishedAt <= Monday.AddDays(1).AddHours(12.99));
        Assert.Contains(slots, s => s.Start >= Monday.AddDays(2) && s.PublishedAt <= Monday.AddDays(1).AddHours(13));
    }

    [Fact]
    public void T3_ThreePercentOfSpotQuarterHoursAreNegative_AndRetailAddsChargesAndVat()
    {
        var spot = TariffGenerator.Spot(3, Monday, 2000, 1);
        Assert.Equal(60, spot.Count(p => p < 0));
        var slots = TariffGenerator.Generate(TariffKind.T3, 3, Monday, TimeSpan.FromMinutes(15 * 2000));
        Assert.Equal((spot[10] + 0.15) * 1.2, slots[10].EurPerKwh, 4);
    }

    [Fact]
    public void T2_TwoRates()
    {
        var slots = TariffGenerator.Generate(TariffKind.T2, 1, Monday, TimeSpan.FromDays(1));
        Assert.Equal(0.22, slots[4 * 6].EurPerKwh);
        Assert.Equal(0.35, slots[4 * 7].EurPerKwh);
        Assert.Equal(0.22, slots[4 * 22].EurPerKwh);
    }

    [Fact]
    public void T4_HalfHourlyWithPeakAndCap()
    {
        var slots = TariffGenerator.Generate(TariffKind.T4, 1, Monday, TimeSpan.FromDays(2));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.Length));
        Assert.All(slots, s => Assert.True(s.EurPerKwh <= 0.78));
        Assert.All(slots.Where(s => s.Start >= Monday.AddDays(1)), s => Assert.Equal(16, s.PublishedAt.Hour));
    }

    [Fact]
    public void Weather_SameSeedSameSeries_ColdSnapHoldsItsLevel()
    {
        var profile = new WeatherProfile { Spells = [new WeatherSpell(Monday.AddDays(3), TimeSpan.FromDays(3), -10, TimeSpan.FromHours(12))] };
        var a = SyntheticBenchWeather.Generate(5, Monday, TimeSpan.FromDays(8), profile);
        var b = SyntheticBenchWeather.Generate(5, Monday, TimeSpan.FromDays(8), profile);
        Assert.Equal(a.Temperature.Values, b.Temperature.Values);
        var snap = Enumerable.Range(0, 3 * 96).Select(i => a.Temperature.At(Monday.AddDays(3).AddMinutes(15 * i))).Average();
        Assert.InRange(snap, -13, -7);
        Assert.All(a.Irradiance.Values, g => Assert.InRange(g, 0, 1100));
        Assert.Equal(0, a.Irradiance.At(Monday.AddHours(2)));
    }

    [Fact]
    public void ForecastError_DeterministicIsZero_MediumGrowsWithLead()
    {
        var none = new ForecastErrorModel(ForecastErrorLevel.Deterministic, 1).Errors(Monday, 36);
        Assert.All(none.Temperature, e => Assert.Equal(0, e));
        var model = new ForecastErrorModel(ForecastErrorLevel.Medium, 1);
        var first = new List<double>();
        var last = new List<double>();
        for (var h = 0; h < 400; h++)
        {
            var (t, _) = model.Errors(Monday.AddHours(h), 36);
            first.Add(t[0]);
            last.Add(t[35]);
        }

        // e₀ = 0.15 + 1.2·ω; the AR(1) with F 0.93, K 0.6 has a stationary σ ≈ 1.63.
        Assert.InRange(first.Average(), -0.1, 0.4);
        Assert.InRange(Sd(first), 1.0, 1.4);
        Assert.InRange(Sd(last), 1.2, 2.0);
        Assert.Equal(model.Errors(Monday.AddMinutes(20), 36).Temperature, model.Errors(Monday.AddMinutes(50), 36).Temperature);
    }

    [Fact]
    public void ComfortSchedule_BoptestResidential()
    {
        var schedule = ComfortSchedule.Residential;
        Assert.Equal((21.0, 24.0), schedule.Band(Monday.AddHours(7)));
        Assert.Equal((15.0, 30.0), schedule.Band(Monday.AddHours(8)));
        Assert.Equal((15.0, 30.0), schedule.Band(Monday.AddHours(19.9)));
        Assert.Equal((21.0, 24.0), schedule.Band(Monday.AddHours(20)));
        Assert.Equal((21.0, 24.0), schedule.Band(Monday.AddDays(5).AddHours(12)));
    }

    [Fact]
    public void Windows_TwoPerWeekTenMinutes500()
    {
        var windows = WindowOpening.Generate(9, Monday, TimeSpan.FromDays(14));
        Assert.InRange(windows.Count, 3, 4);
        Assert.All(windows, w => Assert.Equal(TimeSpan.FromMinutes(10), w.Length));
        Assert.All(windows, w => Assert.Equal(500, w.ExtraConductance));
    }

    [Fact]
    public void HydronicLoop_ConservesEnergy()
    {
        var loop = new ProofOfHeat.Sim.Heating.HydronicLoop(TimeSpan.FromHours(0.5));
        double produced = 0, delivered = 0;
        for (var i = 0; i < 100; i++)
        {
            var power = i < 50 ? 4000 : 0;
            produced += power * 60;
            delivered += loop.Step(TimeSpan.FromSeconds(60), power) * 60;
        }

        Assert.Equal(produced - delivered, loop.StoredHeat, 3);
    }

    private static double Sd(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
