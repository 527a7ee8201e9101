using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Telemetry.Store;
using Xunit.Abstractions;

namespace ProofOfHeat.Host.Tests.Telemetry;

/// <summary>
/// Issue 12, item 1, end to end: the demo's brain runs three simulated hours on a fake clock, and what it did is in
/// telemetry.db — every table the report and the dashboard read holds rows with the right symbols, <c>poh report</c>
/// over it shows heat per source, electricity cost and mining revenue, and the page's chart endpoint serves a miner's
/// hashrate.
/// </summary>
public sealed class TelemetryWholeBrainTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Simulated = TimeSpan.FromHours(3);
    private static readonly string[] DemoMiners = ["avalon_mini", "bos_s19", "luxos_s19j"];

    [Fact]
    public async Task A_demo_brain_run_for_three_simulated_hours_records_what_it_did_and_poh_report_shows_it()
    {
        await using var brain = await TelemetryDemoBrain.StartAsync();
        var start = brain.Time.GetUtcNow();
        var wall = System.Diagnostics.Stopwatch.StartNew();

        await brain.RunForAsync(Simulated);
        await brain.DrainTelemetryAsync();
        output.WriteLine($"telemetry whole brain: {Simulated.TotalHours} simulated hours in {wall.Elapsed.TotalSeconds:F1} s of wall time");

        var store = brain.Services.GetRequiredService<TelemetryStore>();
        // Every table the brain is to record, with the symbols TelemetrySchema declares for it.
        foreach (var table in new[] { TelemetrySchema.Miner, TelemetrySchema.Source, TelemetrySchema.Price, TelemetrySchema.Plan, TelemetrySchema.Decision, TelemetrySchema.Command })
        {
            var series = store.Series(table.Name);
            Assert.True(series.Count > 0, $"table {table.Name} holds no series");
            foreach (var one in series)
            {
                Assert.Equal(table.Symbols.Order(StringComparer.Ordinal), SymbolSet.Decode(one.Symbols).Keys.Order(StringComparer.Ordinal));
                Assert.Contains(table.Fields, f => f.Name == one.Field);
            }
        }

        var miners = store.Series(TelemetrySchema.Miner.Name).Where(s => s.Field == "hashrate_ths").Select(s => s.Symbol("miner")).Order(StringComparer.Ordinal);
        Assert.Equal(DemoMiners, miners);
        Assert.Contains(store.Series(TelemetrySchema.Source.Name), s => s.Field == "heat_w" && s.Symbol("kind") == "miner" && s.Symbol("carrier") == "electricity");
        // The fleet's commands reached the miners, and the heating's decisions name the zone.
        var end = brain.Time.GetUtcNow().AddSeconds(1);
        var commands = store.Events(TelemetrySchema.Command.Name, "action", start, end);
        Assert.Contains(commands, c => c.Text == "miner_command" && DemoMiners.Contains(c.Series.Symbol("target")));
        var decisions = store.Events(TelemetrySchema.Decision.Name, "reason", start, end);
        // A round every 10 min (the control period), and more when a time-proportioned phase changes.
        Assert.InRange(decisions.Count, 15, 180);
        Assert.All(decisions, d => Assert.Equal(("heating", "living_room"), (d.Series.Symbol("app"), d.Series.Symbol("zone"))));
        Assert.Contains(decisions, d => d.Text.StartsWith("plan:", StringComparison.Ordinal));

        // The plan ahead, as the page's 36 h chart reads it: the latest plan's slots on the 15-min grid, hours past now.
        var planned = store.Series(TelemetrySchema.Plan.Name).First(s => s.Field == "power_w");
        var ahead = store.Query(planned, end, end.AddHours(36), SeriesResolution.Raw);
        Assert.True(ahead.Count >= 24, $"{ahead.Count} planned slots ahead of now, expected the next 6 h at least");
        Assert.All(ahead, b => Assert.Equal(0, b.Start.ToUnixTimeSeconds() % 900));
        var price = store.Series(TelemetrySchema.Price.Name).Single(s => s.Field == "electricity_per_kwh");
        Assert.True(store.Query(price, end, end.AddHours(36), SeriesResolution.Raw).Count >= 24, "the prices the plan counts on, ahead of now");

        // The chart of one miner's hashrate over the run, from the API.
        var bos = store.Series(TelemetrySchema.Miner.Name).Single(s => s.Field == "hashrate_ths" && s.Symbol("miner") == "bos_s19");
        var query = string.Create(CultureInfo.InvariantCulture,
            $"/api/telemetry/series?table=miner&field=hashrate_ths&resolution=1m&symbols={Uri.EscapeDataString(bos.Symbols)}&from={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}");
        var chart = await brain.Client.GetFromJsonAsync<JsonElement>(new Uri(query, UriKind.Relative));
        var points = chart.GetProperty("points").EnumerateArray().ToList();
        // One bucket per minute the run touched: its first and last minutes may be partial, so the bound is the
        // minutes spanned plus one (the run's start is rarely on a minute boundary).
        var minutesSpanned = (int)Math.Ceiling((end - start).TotalMinutes) + 1;
        Assert.InRange(points.Count, 60, minutesSpanned);
        Assert.Contains(points, p => p[1].GetDouble() > 1);

        await brain.StopAsync();
        var report = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(report, error, new Dictionary<string, string>(), brain.WorkingDirectory, brain.Time, AppCatalog.Shipped());
        var code = await CliApp.RunAsync(["report", "--since", "1d", "--data", brain.DataDirectory], context, CancellationToken.None);

        Assert.Equal((ExitCodes.Ok, string.Empty), (code, error.ToString()));
        output.WriteLine(report.ToString());
        var total = Cells(report.ToString(), "| **Total** |");
        // Day | Heat kWh | Electricity | Gas | Mining revenue | Net cost | Net cost per kWh | Discomfort | Alerts
        Assert.True(Number(total[1]) > 1, $"heat {total[1]} kWh in:\n{report}");
        Assert.True(Number(total[2]) > 0, $"electricity cost {total[2]} in:\n{report}");
        Assert.True(Number(total[4]) > 0, $"mining revenue {total[4]} in:\n{report}");
        var perSource = report.ToString().Split('\n').Where(l => DemoMiners.Any(m => l.Contains(m, StringComparison.Ordinal))).ToList();
        Assert.True(perSource.Count > 0, $"no heat per source in:\n{report}");
    }

    private static string[] Cells(string markdown, string rowStart)
    {
        var row = markdown.Split('\n').Single(l => l.StartsWith(rowStart, StringComparison.Ordinal));
        return [.. row.Trim('|', ' ', '\r').Split('|').Select(c => c.Trim())];
    }

    private static double Number(string cell) => double.Parse(cell.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
