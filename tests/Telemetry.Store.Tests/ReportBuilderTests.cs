using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Store.Report;
using Xunit;
using static ProofOfHeat.Telemetry.Store.Tests.StoreFixture;

namespace ProofOfHeat.Telemetry.Store.Tests;

/// <summary>
/// <c>poh report</c> over a store filled with known points. Every figure below is worked out by hand in the comments
/// (power × hours for energy, × the price in force for cost; each value holds until the next, a measurement at most
/// an hour, a price up to two days).
/// </summary>
public sealed class ReportBuilderTests
{
    private static readonly DateTimeOffset Now = At(36);

    [Fact]
    public void Each_day_has_heat_per_source_costs_revenue_net_cost_per_kwh_discomfort_and_alerts()
    {
        using var f = Filled();
        var report = ReportBuilder.Build(f.Store, Start, Now);

        Assert.Equal(SeriesResolution.Minute, report.Resolution);
        Assert.Equal(2, report.Days.Count);
        var day1 = report.Days[0];
        Assert.Equal(new DateOnly(2026, 12, 1), day1.Date);
        // hp 3 kW × 0.5 h; s19 3 kW × 0.75 h; boiler 9 kW × 0.2 h; heater 1 kW held for its 1 h limit.
        Assert.Equal(1.5, day1.HeatKwhBySource["hp"], 9);
        Assert.Equal(2.25, day1.HeatKwhBySource["s19"], 9);
        Assert.Equal(1.8, day1.HeatKwhBySource["boiler"], 9);
        Assert.Equal(1.0, day1.HeatKwhBySource["heater"], 9);
        // hp 0.5 kWh × 0.30; s19 1.5 kWh × 0.30 + 0.75 kWh × 0.20; heater 1 kWh × 0.20.
        Assert.Equal(0.15 + 0.45 + 0.15 + 0.20, day1.ElectricityCost, 9);
        // boiler 10 kW × 0.2 h × 0.10.
        Assert.Equal(0.20, day1.GasCost, 9);
        // 0.40 per hour × 0.75 h.
        Assert.Equal(0.30, day1.MiningRevenue, 9);
        Assert.Equal((0.95 + 0.20 - 0.30) / 6.55, day1.NetCostPerKwh!.Value, 9);
        // 21 − 0.5 − 20 = 0.5 K for half an hour.
        Assert.Equal(0.25, day1.DiscomfortKelvinHours, 9);
        Assert.Equal("living room below band", Assert.Single(day1.Alerts).Message);

        var day2 = report.Days[1];
        // hp 6 kW × 0.25 h at the electricity price still in force from the day before (0.20): 0.5 kWh × 0.20.
        Assert.Equal(1.5, Assert.Single(day2.HeatKwhBySource).Value, 9);
        Assert.Equal(0.10, day2.ElectricityCost, 9);
        Assert.Equal((0.0, 0.0, 0.0), (day2.GasCost, day2.MiningRevenue, day2.DiscomfortKelvinHours));
        Assert.Equal(("critical", "s19 | overheated"), (day2.Alerts[0].Severity, day2.Alerts[0].Message));
    }

    [Fact]
    public void The_markdown_shows_the_figures_rounded_and_escapes_table_cells()
    {
        using var f = Filled();
        var markdown = ReportMarkdown.Render(ReportBuilder.Build(f.Store, At(3), Now));
        var lines = markdown.Split('\n');

        Assert.Equal("# Proof-of-Heat report 2026-12-01 to 2026-12-02 12:00 UTC", lines[0]);
        Assert.Contains("| 2026-12-01 | 6.55 | 0.95 | 0.20 | 0.30 | 0.85 | 0.130 | 0.25 | 1 |", lines);
        Assert.Contains("| 2026-12-02 | 1.50 | 0.10 | 0.00 | 0.00 | 0.10 | 0.067 | 0.00 | 1 |", lines);
        Assert.Contains("| **Total** | 8.05 | 1.05 | 0.20 | 0.30 | 0.95 | 0.118 | 0.25 | 2 |", lines);
        Assert.Contains("| Day | boiler | heater | hp | s19 |", lines);
        Assert.Contains("| 2026-12-01 | 1.80 | 1.00 | 1.50 | 2.25 |", lines);
        Assert.Contains("| 2026-12-02 01:00:00 | critical | s19 \\| overheated |", lines);
    }

    [Fact]
    public void An_empty_store_reports_days_of_zeros_without_a_cost_per_kwh()
    {
        using var f = new StoreFixture();
        var report = ReportBuilder.Build(f.Store, Start, At(5));
        var day = Assert.Single(report.Days);
        Assert.Null(day.NetCostPerKwh);
        Assert.Contains("| 2026-12-01 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | – | 0.00 | 0 |", ReportMarkdown.Render(report).Split('\n'));
    }

    [Fact]
    public void A_range_past_the_minute_retention_is_integrated_from_quarter_hours()
    {
        using var f = new StoreFixture(new TelemetryStoreOptions { MinuteRetention = TimeSpan.FromHours(6), RawRetention = TimeSpan.FromDays(3) });
        f.Time.SetUtcNow(Now);
        f.Write(
            Point("source", At(1), Hp, TelemetryField.Of("heat_w", 4000.0)),
            Point("source", At(1.5), Hp, TelemetryField.Of("heat_w", 0.0)));

        var report = ReportBuilder.Build(f.Store, Start, Now);
        Assert.Equal(SeriesResolution.FifteenMinutes, report.Resolution);
        Assert.Equal(2.0, report.Days[0].HeatKwh, 9);
    }

    /// <summary>Whole seconds after the start: AddHours(12.2) lands a tick before 12:12, and the store keeps whole seconds.</summary>
    private static DateTimeOffset At(double hours) => Start.AddSeconds(Math.Round(hours * 3600));

    private static readonly (string, string)[] Hp = [("source", "hp"), ("kind", "heat_pump"), ("carrier", "electricity")];

    private static StoreFixture Filled()
    {
        var f = new StoreFixture();
        f.Time.SetUtcNow(Now);
        (string, string)[] s19 = [("source", "s19"), ("kind", "miner"), ("carrier", "electricity")];
        (string, string)[] boiler = [("source", "boiler"), ("kind", "boiler"), ("carrier", "gas")];
        (string, string)[] heater = [("source", "heater"), ("kind", "heater"), ("carrier", "electricity")];
        (string, string)[] living = [("zone", "living")];
        TelemetryPoint Source((string, string)[] symbols, double hours, double power, double heat) =>
            Point("source", At(hours), symbols, TelemetryField.Of("power_w", power), TelemetryField.Of("heat_w", heat));
        f.Write(
            Point("price", Start, [], TelemetryField.Of("electricity_per_kwh", 0.30), TelemetryField.Of("gas_per_kwh", 0.10)),
            Point("price", At(6.5), [], TelemetryField.Of("electricity_per_kwh", 0.20)),
            Source(Hp, 0, 1000, 3000),
            Source(Hp, 0.5, 0, 0),
            Source(s19, 6, 3000, 3000),
            Source(s19, 6.75, 0, 0),
            Point("miner", At(6), [("miner", "s19"), ("family", "braiins")], TelemetryField.Of("revenue_per_h", 0.40), TelemetryField.Of("mode", "normal")),
            Point("miner", At(6.75), [("miner", "s19"), ("family", "braiins")], TelemetryField.Of("revenue_per_h", 0.0)),
            Source(boiler, 12, 10000, 9000),
            Source(boiler, 12.2, 0, 0),
            Source(heater, 20, 1000, 1000),
            Point("zone", At(8), living, TelemetryField.Of("room_c", 20.0), TelemetryField.Of("target_c", 21.0), TelemetryField.Of("band_k", 0.5)),
            Point("zone", At(8.5), living, TelemetryField.Of("room_c", 20.5)),
            Point("alert", At(10), [("severity", "warning"), ("app", "heating")], TelemetryField.Of("message", "living room below band")),
            Source(Hp, 24, 2000, 6000),
            Source(Hp, 24.25, 0, 0),
            Point("alert", At(25), [("severity", "critical"), ("app", "safety")], TelemetryField.Of("message", "s19 | overheated")));
        return f;
    }
}
