using System.Text.Json;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Heating.Prices;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HaPriceParserTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    internal const string Nordpool = """
        {
          "average": 0.0969, "off_peak_1": 0.0821, "peak": 0.1102, "min": 0.0712, "max": 0.1388,
          "unit": "kWh", "currency": "EUR", "country": "Germany", "region": "DE-LU",
          "price_in_cents": false, "tomorrow_valid": true, "current_price": 0.0993,
          "today": [0.0812, 0.0799],
          "raw_today": [
            {"start": "2026-01-05T00:00:00+01:00", "end": "2026-01-05T00:15:00+01:00", "value": 0.0812},
            {"start": "2026-01-05T00:15:00+01:00", "end": "2026-01-05T00:30:00+01:00", "value": 0.0799}
          ],
          "raw_tomorrow": [
            {"start": "2026-01-06T00:00:00+01:00", "end": "2026-01-06T00:15:00+01:00", "value": 0.1388}
          ],
          "friendly_name": "Nordpool DE-LU"
        }
        """;

    internal const string EntsoE = """
        {
          "prices_today": [
            {"time": "2026-01-05T00:00:00+01:00", "price": 0.0912},
            {"time": "2026-01-05T01:00:00+01:00", "price": 0.0874}
          ],
          "prices_tomorrow": [],
          "prices": [
            {"time": "2026-01-05 00:00:00+01:00", "price": 0.0912},
            {"time": "2026-01-05 00:15:00+01:00", "price": 0.0874},
            {"time": "2026-01-05 00:30:00+01:00", "price": 0.1021}
          ],
          "unit_of_measurement": "€/kWh", "friendly_name": "ENTSO-e Current electricity market price"
        }
        """;

    internal const string Octopus = """
        {
          "tariff_code": "E-1R-AGILE-24-10-01-C", "mpan": "1900000000000", "serial_number": "22L0000000",
          "rates": [
            {"start": "2026-01-05T00:00:00+00:00", "end": "2026-01-05T00:30:00+00:00", "value_inc_vat": 15.23, "is_capped": false, "is_intelligent_adjusted": false},
            {"start": "2026-01-05T00:30:00+00:00", "end": "2026-01-05T01:00:00+00:00", "value_inc_vat": -2.1, "is_capped": false, "is_intelligent_adjusted": false}
          ],
          "min_rate": -2.1, "max_rate": 15.23, "average_rate": 6.565
        }
        """;

    internal static EntityState State(string entityId, string json) =>
        EntityState.Create(entityId, "0.1", At, JsonDocument.Parse(json).RootElement.Clone());

    [Fact]
    public void Parse_Nordpool_TodayAndTomorrowQuarterHours()
    {
        var result = HaPriceParser.Parse(new PriceOptions { Format = PriceFormat.Nordpool, Entity = "sensor.nordpool" }, State("sensor.nordpool", Nordpool));
        Assert.Null(result.Error);
        var points = result.Series!.Points;
        Assert.Equal(3, points.Count);
        Assert.Equal(new DateTimeOffset(2026, 1, 4, 23, 0, 0, TimeSpan.Zero), points[0].Start);
        Assert.Equal(TimeSpan.FromMinutes(15), points[0].Length);
        Assert.Equal(0.0812, points[0].Price, 9);
        Assert.Equal(0.1388, points[2].Price, 9);
    }

    [Fact]
    public void Parse_NordpoolInCents_Divided()
    {
        var json = Nordpool.Replace("\"price_in_cents\": false", "\"price_in_cents\": true", StringComparison.Ordinal);
        var result = HaPriceParser.Parse(new PriceOptions { Format = PriceFormat.Nordpool }, State("sensor.nordpool", json));
        Assert.Equal(0.000812, result.Series!.Points[0].Price, 9);
    }

    [Fact]
    public void Parse_NordpoolTomorrowHalfPublished_TodayKeptWithWarning()
    {
        var json = Nordpool.Replace("\"value\": 0.1388}", "\"value\": null}", StringComparison.Ordinal);
        var result = HaPriceParser.Parse(new PriceOptions { Format = PriceFormat.Nordpool }, State("sensor.nordpool", json));
        Assert.Equal(2, result.Series!.Points.Count);
        Assert.Equal("sensor.nordpool: raw_tomorrow[0]: value is missing or not a number; tomorrow's prices skipped", result.Warning);
    }

    [Fact]
    public void Parse_EntsoE_LengthsFromNextStart()
    {
        var result = HaPriceParser.Parse(new PriceOptions { Format = PriceFormat.EntsoE }, State("sensor.entsoe", EntsoE));
        var points = result.Series!.Points;
        Assert.Equal(3, points.Count);
        Assert.All(points, p => Assert.Equal(TimeSpan.FromMinutes(15), p.Length));
        Assert.Equal(0.1021, points[2].Price, 9);
    }

    [Fact]
    public void Parse_EntsoEWithoutPrices_UsesTodayAndTomorrow()
    {
        using var document = JsonDocument.Parse(EntsoE);
        var withoutPrices = new Dictionary<string, JsonElement>(
            document.RootElement.EnumerateObject().Where(p => p.Name != "prices").Select(p => KeyValuePair.Create(p.Name, p.Value.Clone())));
        var result = HaPriceParser.Parse(
            new PriceOptions { Format = PriceFormat.EntsoE },
            EntityState.Create("sensor.entsoe", "0.1", At, withoutPrices));
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(1)], result.Series!.Points.Select(p => p.Length));
    }

    [Fact]
    public void Parse_OctopusInPence_ConvertedAndTransformed()
    {
        var options = new PriceOptions { Format = PriceFormat.Octopus, Unit = PriceUnit.CentsPerKwh, Multiplier = 1.0, Adder = 0.01 };
        var points = HaPriceParser.Parse(options, State("event.octopus_rates", Octopus)).Series!.Points;
        Assert.Equal(TimeSpan.FromMinutes(30), points[0].Length);
        Assert.Equal(0.1623, points[0].Price, 9);
        Assert.Equal(-0.011, points[1].Price, 9);
    }

    [Theory]
    [InlineData("""{"raw_today": "not a list"}""", "attribute raw_today is String, not a list")]
    [InlineData("""{"other": 1}""", "attribute raw_today is missing")]
    [InlineData("""{"raw_today": [{"start": "2026-01-05T00:00:00Z", "end": "2026-01-05T01:00:00Z", "value": null}]}""", "raw_today[0]: value is missing or not a number")]
    [InlineData("""{"raw_today": [{"start": "yesterday", "end": "2026-01-05T01:00:00Z", "value": 1}]}""", "raw_today[0]: start is missing or not a date-time")]
    [InlineData("""{"raw_today": [{"start": "2026-01-05T01:00:00Z", "end": "2026-01-05T01:00:00Z", "value": 1}]}""", "raw_today[0]: end is not after start")]
    [InlineData("""{"raw_today": []}""", "no prices in its attributes")]
    public void Parse_Malformed_ErrorNamesTheAttribute(string json, string expected)
    {
        var result = HaPriceParser.Parse(new PriceOptions { Format = PriceFormat.Nordpool }, State("sensor.nordpool", json));
        Assert.Null(result.Series);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("sensor.nordpool: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntsoEBadEntryAndDuplicateStart_Errors()
    {
        var bad = HaPriceParser.Parse(
            new PriceOptions { Format = PriceFormat.EntsoE },
            State("sensor.entsoe", """{"prices": [{"time": "2026-01-05T00:00:00Z", "price": 0.1}, {"time": "2026-01-05T01:00:00Z", "price": "n/a"}]}"""));
        Assert.Equal("sensor.entsoe: prices[1]: price is missing or not a number", bad.Error);

        var duplicate = HaPriceParser.Parse(
            new PriceOptions { Format = PriceFormat.EntsoE },
            State("sensor.entsoe", """{"prices": [{"time": "2026-01-05T00:00:00Z", "price": 0.1}, {"time": "2026-01-05T00:00:00Z", "price": 0.2}]}"""));
        Assert.StartsWith("sensor.entsoe: prices: two entries start at", duplicate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownEntity_Error()
    {
        var result = HaPriceParser.Parse(new PriceOptions { Format = PriceFormat.Octopus, Entity = "event.rates" }, null);
        Assert.Equal("price entity event.rates is unknown", result.Error);
    }
}
