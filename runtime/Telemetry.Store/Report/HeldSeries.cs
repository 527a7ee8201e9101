namespace ProofOfHeat.Telemetry.Store.Report;

/// <summary>
/// A series as a value per bucket over a window, for integrating it over time. The brain records on change, so a
/// bucket without points holds the last value before it — for at most <see cref="MaxHold"/>, after which the series
/// is unknown (NaN: the brain was off or the source stopped reporting, and a stale value must not be counted for
/// days). A bucket with points takes their mean. Prices are the exception (<see cref="PriceHold"/>): a tariff is
/// recorded when it changes, and a fixed one may not change for days.
/// </summary>
internal static class HeldSeries
{
    /// <summary>How long a measurement holds without a new point.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromHours(1);

    /// <summary>How long a price holds without a new point.</summary>
    public static readonly TimeSpan PriceHold = TimeSpan.FromDays(2);

    /// <summary>The values of <paramref name="series"/> per bucket of <paramref name="width"/> from <paramref name="from"/> (aligned), <paramref name="count"/> buckets.</summary>
    public static double[] Read(TelemetryStore store, SeriesKey series, DateTimeOffset from, TimeSpan width, int count, SeriesResolution resolution)
    {
        var maxHold = series.Table == TelemetrySchema.Price.Name ? PriceHold : MaxHold;
        var values = new double[count];
        Array.Fill(values, double.NaN);
        var buckets = store.Query(series, from - maxHold, from + (width * count), resolution);
        double held = double.NaN;
        var heldAt = DateTimeOffset.MinValue;
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            var start = from + (width * i);
            var end = start + width;
            double sum = 0;
            long points = 0;
            while (next < buckets.Count && buckets[next].Start < end)
            {
                var bucket = buckets[next++];
                if (bucket.Start >= start)
                {
                    sum += bucket.Average * bucket.Count;
                    points += bucket.Count;
                }

                held = bucket.Last;
                heldAt = bucket.Start;
            }

            if (points > 0)
            {
                values[i] = sum / points;
            }
            else if (start - heldAt < maxHold)
            {
                values[i] = held;
            }
        }

        return values;
    }
}
