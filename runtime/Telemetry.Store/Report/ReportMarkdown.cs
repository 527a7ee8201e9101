using System.Globalization;

namespace ProofOfHeat.Telemetry.Store.Report;

/// <summary>Writes a <see cref="TelemetryReport"/> as Markdown: the daily table, heat per source, and the alerts.</summary>
public static class ReportMarkdown
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(TelemetryReport report, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var text = Render(report);
        await output.WriteAsync(text.AsMemory(), cancellationToken);
    }

    /// <summary>The Markdown of <paramref name="report"/>.</summary>
    public static string Render(TelemetryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var detail = report.Resolution == SeriesResolution.Minute ? "1-minute" : "15-minute";
        w.WriteLine($"# Proof-of-Heat report {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd HH:mm} UTC");
        w.WriteLine();
        w.WriteLine($"Days in UTC, from the embedded telemetry store's {detail} rollups. Costs in the prices' currency; discomfort is kelvin-hours below the comfort band.");
        w.WriteLine();
        w.WriteLine("| Day | Heat kWh | Electricity | Gas | Mining revenue | Net cost | Net cost per kWh | Discomfort K·h | Alerts |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var day in report.Days)
        {
            w.WriteLine($"| {day.Date:yyyy-MM-dd} | {N(day.HeatKwh)} | {N(day.ElectricityCost)} | {N(day.GasCost)} | {N(day.MiningRevenue)} | {N(day.NetCost)} | {PerKwh(day.NetCostPerKwh)} | {N(day.DiscomfortKelvinHours)} | {day.Alerts.Count} |");
        }

        var heat = report.Days.Sum(d => d.HeatKwh);
        var net = report.Days.Sum(d => d.NetCost);
        w.WriteLine($"| **Total** | {N(heat)} | {N(report.Days.Sum(d => d.ElectricityCost))} | {N(report.Days.Sum(d => d.GasCost))} | {N(report.Days.Sum(d => d.MiningRevenue))} | {N(net)} | {PerKwh(heat > 0 ? net / heat : null)} | {N(report.Days.Sum(d => d.DiscomfortKelvinHours))} | {report.Days.Sum(d => d.Alerts.Count)} |");
        WriteHeatBySource(w, report);
        WriteAlerts(w, report);
        return w.ToString();
    }

    private static void WriteHeatBySource(StringWriter w, TelemetryReport report)
    {
        var sources = report.Days.SelectMany(d => d.HeatKwhBySource.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        w.WriteLine();
        w.WriteLine("## Heat delivered per source (kWh)");
        w.WriteLine();
        if (sources.Count == 0)
        {
            w.WriteLine("No heat recorded.");
            return;
        }

        w.WriteLine($"| Day | {string.Join(" | ", sources)} |");
        w.WriteLine($"|---|{string.Concat(sources.Select(_ => "---:|"))}");
        foreach (var day in report.Days)
        {
            w.WriteLine($"| {day.Date:yyyy-MM-dd} | {string.Join(" | ", sources.Select(s => N(day.HeatKwhBySource.GetValueOrDefault(s))))} |");
        }
    }

    private static void WriteAlerts(StringWriter w, TelemetryReport report)
    {
        var alerts = report.Days.SelectMany(d => d.Alerts).ToList();
        w.WriteLine();
        w.WriteLine("## Alerts");
        w.WriteLine();
        if (alerts.Count == 0)
        {
            w.WriteLine("None.");
            return;
        }

        w.WriteLine("| Time (UTC) | Severity | Message |");
        w.WriteLine("|---|---|---|");
        foreach (var alert in alerts)
        {
            w.WriteLine($"| {alert.Time:yyyy-MM-dd HH:mm:ss} | {alert.Severity} | {Cell(alert.Message)} |");
        }
    }

    private static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string PerKwh(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    /// <summary>A table cell: a pipe would end the cell and a line break the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
