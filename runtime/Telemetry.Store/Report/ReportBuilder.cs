namespace ProofOfHeat.Telemetry.Store.Report;

/// <summary>
/// Computes <c>poh report</c> from the embedded store: every series integrated over time per UTC day from the
/// one-minute rollups (fifteen-minute ones when the range reaches past their retention), each value held between
/// changes (<see cref="HeldSeries"/>). Energy is power × time; a cost is power × the price in force in the same bucket.
/// </summary>
public static class ReportBuilder
{
    /// <summary>The report for the days from the one holding <paramref name="since"/> to <paramref name="now"/>.</summary>
    public static TelemetryReport Build(TelemetryStore store, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var from = new DateTimeOffset(since.UtcDateTime.Date, TimeSpan.Zero);
        var resolution = from >= now - store.Options.MinuteRetention ? SeriesResolution.Minute : SeriesResolution.FifteenMinutes;
        var width = resolution == SeriesResolution.Minute ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(15);
        var count = (int)Math.Ceiling((now - from) / width);
        var hours = width.TotalHours;
        var days = (int)Math.Ceiling((now - from) / TimeSpan.FromDays(1));
        var perDay = (int)(TimeSpan.FromDays(1) / width);
        double[] Read(SeriesKey key) => HeldSeries.Read(store, key, from, width, count, resolution);

        // Per bucket, then summed per day: heat (kWh) per source, costs, revenue, discomfort.
        var heat = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var electricity = new double[days];
        var gas = new double[days];
        var revenue = new double[days];
        var discomfort = new double[days];
        var electricityPrice = Read(new SeriesKey(TelemetrySchema.Price.Name, string.Empty, "electricity_per_kwh"));
        var gasPrice = Read(new SeriesKey(TelemetrySchema.Price.Name, string.Empty, "gas_per_kwh"));
        foreach (var series in store.Series(TelemetrySchema.Source.Name))
        {
            var name = series.Symbol("source") ?? series.Symbols;
            if (series.Field == "heat_w")
            {
                var perSource = heat.TryGetValue(name, out var existing) ? existing : heat[name] = new double[days];
                Accumulate(Read(series), null, perSource, perDay, hours / 1000);
            }
            else if (series.Field == "power_w")
            {
                var carrier = series.Symbol("carrier");
                var (price, total) = carrier == "gas" ? (gasPrice, gas) : (electricityPrice, electricity);
                Accumulate(Read(series), price, total, perDay, hours / 1000);
            }
        }

        foreach (var series in store.Series(TelemetrySchema.Miner.Name).Where(s => s.Field == "revenue_per_h"))
        {
            Accumulate(Read(series), null, revenue, perDay, hours);
        }

        foreach (var zone in store.Series(TelemetrySchema.Zone.Name).Where(s => s.Field == "room_c"))
        {
            var room = Read(zone);
            var target = Read(zone with { Field = "target_c" });
            var band = Read(zone with { Field = "band_k" });
            var below = new double[count];
            for (var i = 0; i < count; i++)
            {
                below[i] = Math.Max(0, target[i] - (double.IsNaN(band[i]) ? 0 : band[i]) - room[i]);
            }

            Accumulate(below, null, discomfort, perDay, hours);
        }

        var alerts = store.Events(TelemetrySchema.Alert.Name, "message", from, now)
            .Select(e => new ReportAlert(e.Time, e.Series.Symbol("severity") ?? string.Empty, e.Text))
            .ToList();
        var rows = new List<ReportDay>(days);
        for (var d = 0; d < days; d++)
        {
            var dayStart = from.AddDays(d);
            rows.Add(new ReportDay(
                DateOnly.FromDateTime(dayStart.UtcDateTime),
                heat.Where(h => h.Value[d] > 0).ToDictionary(h => h.Key, h => h.Value[d], StringComparer.Ordinal),
                electricity[d], gas[d], revenue[d], discomfort[d],
                [.. alerts.Where(a => a.Time >= dayStart && a.Time < dayStart.AddDays(1))]));
        }

        return new TelemetryReport(from, now, resolution, rows);
    }

    /// <summary>Adds Σ value × factor (× price when given) per bucket into each bucket's day; unknown (NaN) buckets add nothing.</summary>
    private static void Accumulate(double[] values, double[]? price, double[] perDayTotals, int bucketsPerDay, double factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var amount = values[i] * factor * (price is null ? 1 : price[i]);
            if (double.IsFinite(amount))
            {
                perDayTotals[i / bucketsPerDay] += amount;
            }
        }
    }
}
