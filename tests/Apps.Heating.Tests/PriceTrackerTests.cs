using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Heating.Prices;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class PriceTrackerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 0, 20, 0, TimeSpan.Zero);

    private static readonly PriceOptions Octopus = new()
    {
        Format = PriceFormat.Octopus,
        Entity = "event.rates",
        Unit = PriceUnit.CentsPerKwh,
        Static = [new TimeOfUseRate { From = "07:00", To = "23:00", Price = 0.30 }, new TimeOfUseRate { From = "23:00", To = "07:00", Price = 0.12 }],
    };

    [Fact]
    public void Update_GoodSeries_DynamicThenStaticFillsTheHorizon()
    {
        var tracker = new PriceTracker(Octopus, NullLogger.Instance);
        var series = tracker.Update(HaPriceParserTests.State("event.rates", HaPriceParserTests.Octopus), Now, TimeSpan.FromHours(36), TimeZoneInfo.Utc);
        Assert.Equal(0.1523, series.PriceAt(Now)!.Value, 9);
        Assert.Equal(-0.021, series.PriceAt(Now.AddMinutes(30))!.Value, 9);
        Assert.Equal(0.12, series.PriceAt(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero))!.Value, 9);
        Assert.Equal(0.30, series.PriceAt(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero))!.Value, 9);
        Assert.True(series.Covers(Now.AddHours(35.9)));
        Assert.Null(tracker.LastError);
    }

    [Fact]
    public void Update_MalformedAfterGood_KeepsLastGoodSeries()
    {
        var tracker = new PriceTracker(Octopus, NullLogger.Instance);
        tracker.Update(HaPriceParserTests.State("event.rates", HaPriceParserTests.Octopus), Now, TimeSpan.FromHours(36), TimeZoneInfo.Utc);

        var series = tracker.Update(HaPriceParserTests.State("event.rates", """{"rates": 5}"""), Now, TimeSpan.FromHours(36), TimeZoneInfo.Utc);

        Assert.Equal(0.1523, series.PriceAt(Now)!.Value, 9);
        Assert.Equal("event.rates: attribute rates is Number, not a list", tracker.LastError);
    }

    [Fact]
    public void Update_SameErrorRepeated_LoggedOnce()
    {
        var logger = new ListLogger();
        var tracker = new PriceTracker(Octopus, logger);
        var bad = HaPriceParserTests.State("event.rates", """{"rates": [{"start": "2026-01-05T00:00:00Z"}]}""");
        for (var i = 0; i < 5; i++)
        {
            tracker.Update(bad, Now, TimeSpan.FromHours(36), TimeZoneInfo.Utc);
        }

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        Assert.Equal("Heating prices: event.rates: rates[0]: end is missing or not a date-time; using the static table", entry.Message);
    }

    [Fact]
    public void Update_MalformedWithNoHistory_StaticTable()
    {
        var tracker = new PriceTracker(Octopus, NullLogger.Instance);
        var series = tracker.Update(null, Now, TimeSpan.FromHours(36), TimeZoneInfo.Utc);
        Assert.Equal(0.12, series.PriceAt(Now)!.Value, 9);
        // From the slot containing 00:20 to 36:20: 00:15 … 36:15.
        Assert.Equal(145, series.Points.Count);
    }

    [Fact]
    public void StaticTariff_WeekdayAndWeekendRows_DstAware()
    {
        var tariff = new StaticTariff(
            [new TimeOfUseRate { Days = "weekdays", From = "17:00", To = "20:00", Price = 0.45 }], 0.25);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var slots = tariff.Slots(
            new DateTimeOffset(2026, 3, 30, 14, 50, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 18, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(15), berlin).ToList();

        // Monday after the spring change: 17:00 CEST is 15:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 14, 45, 0, TimeSpan.Zero), slots[0].Start);
        Assert.Equal(0.25, slots[0].Price);
        Assert.Equal(0.45, slots.Single(s => s.Start.Hour == 15 && s.Start.Minute == 0).Price);
        Assert.Equal(0.45, slots.Single(s => s.Start == new DateTimeOffset(2026, 3, 30, 17, 45, 0, TimeSpan.Zero)).Price);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 17, 45, 0, TimeSpan.Zero), slots[^1].Start);
        Assert.Equal(0.25, tariff.PriceAt(new DateTime(2026, 4, 4, 18, 0, 0, DateTimeKind.Unspecified)));
    }
}
