using System.Globalization;
using System.Text.Json;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>
/// Pure: reads a price entity's attributes in the shapes of the common HA integrations into one series. Never
/// throws on bad data: a malformed attribute gives an error that names it. Times without an offset are read as UTC.
/// </summary>
public static class HaPriceParser
{
    private static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>Parses <paramref name="state"/> in <paramref name="options"/>' format, unit and fee transform.</summary>
    public static PriceParseResult Parse(PriceOptions options, EntityState? state)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (state is null)
        {
            return PriceParseResult.Fail($"price entity {options.Entity} is unknown");
        }

        var scale = options.Unit == PriceUnit.CentsPerKwh ? 0.01 : 1;
        string? warning = null;
        try
        {
            var points = options.Format switch
            {
                PriceFormat.Nordpool => Nordpool(state, ref scale, out warning),
                PriceFormat.EntsoE => EntsoE(state),
                PriceFormat.Octopus => Intervals(state, "rates", "value_inc_vat"),
                _ => throw new FormatException($"format {options.Format} has no entity to parse"),
            };
            if (points.Count == 0)
            {
                return PriceParseResult.Fail($"{state.EntityId}: no prices in its attributes");
            }

            var factor = scale;
            var series = new PriceSeries(points.Select(p => p with { Price = (p.Price * factor * options.Multiplier) + options.Adder }));
            return PriceParseResult.Ok(series, warning is null ? null : $"{state.EntityId}: {warning}");
        }
        catch (FormatException ex)
        {
            return PriceParseResult.Fail($"{state.EntityId}: {ex.Message}");
        }
    }

    private static List<PricePoint> Nordpool(EntityState state, ref double scale, out string? warning)
    {
        warning = null;
        if (state.Attribute("price_in_cents") is { ValueKind: JsonValueKind.True })
        {
            scale = 0.01;
        }

        var points = Intervals(state, "raw_today", "value");
        if (state.Attribute("raw_tomorrow") is { ValueKind: JsonValueKind.Array })
        {
            try
            {
                points.AddRange(Intervals(state, "raw_tomorrow", "value"));
            }
            catch (FormatException ex)
            {
                // Before 13:00 the next day can be half-published (nulls): today's prices are still good.
                warning = $"{ex.Message}; tomorrow's prices skipped";
            }
        }

        return points;
    }

    private static List<PricePoint> Intervals(EntityState state, string attribute, string valueKey)
    {
        var items = Array(state, attribute);
        var points = new List<PricePoint>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var what = $"{attribute}[{i}]";
            var start = Time(items[i], "start", what);
            var end = Time(items[i], "end", what);
            if (end <= start)
            {
                throw new FormatException($"{what}: end is not after start");
            }

            points.Add(new PricePoint(start, end - start, Number(items[i], valueKey, what)));
        }

        return points;
    }

    private static List<PricePoint> EntsoE(EntityState state)
    {
        var items = state.Attribute("prices") is { ValueKind: JsonValueKind.Array }
            ? Named(state, "prices")
            : [.. Named(state, "prices_today"), .. state.Attribute("prices_tomorrow") is { ValueKind: JsonValueKind.Array } ? Named(state, "prices_tomorrow") : []];
        var starts = items.Select(x => (Start: Time(x.Item, "time", x.What), Price: Number(x.Item, "price", x.What))).OrderBy(x => x.Start).ToList();
        var points = new List<PricePoint>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            // The list gives starts only: an interval lasts until the next start; the last one as long as the one before.
            var length = i + 1 < starts.Count ? starts[i + 1].Start - starts[i].Start
                : i > 0 ? starts[i].Start - starts[i - 1].Start : DefaultLength;
            if (length <= TimeSpan.Zero)
            {
                throw new FormatException($"prices: two entries start at {starts[i].Start:O}");
            }

            points.Add(new PricePoint(starts[i].Start, length, starts[i].Price));
        }

        return points;
    }

    private static List<(JsonElement Item, string What)> Named(EntityState state, string attribute) =>
        [.. Array(state, attribute).Select((item, i) => (item, $"{attribute}[{i}]"))];

    private static List<JsonElement> Array(EntityState state, string attribute) => state.Attribute(attribute) switch
    {
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray()],
        null => throw new FormatException($"attribute {attribute} is missing"),
        { } other => throw new FormatException($"attribute {attribute} is {other.ValueKind}, not a list"),
    };

    private static DateTimeOffset Time(JsonElement item, string key, string what)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new FormatException($"{what}: {key} is missing or not a date-time");
    }

    private static double Number(JsonElement item, string key, string what)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble()))
            {
                return value.GetDouble();
            }

            if (value.ValueKind == JsonValueKind.String
                && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                return parsed;
            }
        }

        throw new FormatException($"{what}: {key} is missing or not a number");
    }
}
