using System.Globalization;
using System.Text;
using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Runner;

namespace ProofOfHeat.Bench.Heating.Report;

/// <summary>The Markdown report: one table per scenario, then an aggregate per strategy.</summary>
public static class ResultTable
{
    public static string Markdown(IReadOnlyList<RunKpis> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var s = new StringBuilder();
        s.AppendLine("# PoH-Bench heating results").AppendLine();
        s.Append(EqualComfortTable.Markdown(results));
        s.AppendLine("## Every run").AppendLine();
        s.AppendLine("Savings are (Net_base − Net) / Gross_base against HYST and against the best baseline (lowest net cost among "
            + string.Join(", ", StrategyRegistry.Baselines) + ", whatever its comfort) and against the best comfort-weighted baseline "
            + "(lowest net cost + 1 € per K·h of discomfort, the tuning objective), so a baseline that is cheap because it is cold is not the only yardstick. "
            + "Capture is against ORACLE, relative to the best baseline. Discomfort is BOPTEST's K·h per day.").AppendLine();
        s.AppendLine("| scenario | strategy | net € | gross € | mining € | vs HYST | vs best | vs best-comf | capture | K·h/day | starts | level chg | travel | dwell att. | kWh el | kWh gas | peak kW | ms/dec |");
        s.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var group in results.GroupBy(r => r.Scenario))
        {
            var runs = group.ToList();
            var hyst = runs.FirstOrDefault(r => r.Strategy == "HYST" && r.Error is null);
            var best = BestBaseline(runs);
            var comfortable = BestComfortWeightedBaseline(runs);
            var oracle = runs.FirstOrDefault(r => r.Strategy == "ORACLE" && r.Error is null);
            foreach (var r in runs)
            {
                if (r.Error is not null)
                {
                    s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Strategy} | error: {r.Error.Replace('|', '/')} ||||||||||||||||");
                    continue;
                }

                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Scenario} | {r.Strategy} | {r.NetCost:0.00} | {r.GrossCost:0.00} | {r.MiningRevenue:0.00} | {Pct(hyst is null ? null : KpiMath.Savings(hyst, r))} | {Pct(best is null ? null : KpiMath.Savings(best, r))} | {Pct(comfortable is null ? null : KpiMath.Savings(comfortable, r))} | {Pct(best is null || oracle is null ? null : KpiMath.Capture(best, r, oracle))} | {r.DiscomfortPerDay:0.00} | {r.Starts} | {r.LevelChanges} | {r.Travel:0.0} | {r.DwellViolationAttempts} | {r.ElectricKwh:0} | {r.GasKwh:0} | {r.PeakKw:0.0} | {r.MeanDecisionMs:0.000} |");
            }
        }

        s.AppendLine().AppendLine("## Aggregate per strategy (mean over scenarios)").AppendLine();
        s.AppendLine("| strategy | runs | net € | gross € | vs HYST | vs best baseline | min vs best | vs best-comf | K·h/day | max K·h/day | starts | level chg | ms/dec (max) |");
        s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var byScenario = results.GroupBy(r => r.Scenario).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var strategy in results.Select(r => r.Strategy).Distinct())
        {
            var ok = results.Where(r => r.Strategy == strategy && r.Error is null).ToList();
            if (ok.Count == 0)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {strategy} | 0 | all failed ||||||||||");
                continue;
            }

            var vsHyst = ok.Select(r => byScenario[r.Scenario].FirstOrDefault(b => b.Strategy == "HYST" && b.Error is null) is { } h ? KpiMath.Savings(h, r) : null).OfType<double>().ToList();
            var vsComfortable = ok.Select(r => BestComfortWeightedBaseline(byScenario[r.Scenario]) is { } b ? KpiMath.Savings(b, r) : null).OfType<double>().ToList();
            var vsBest = ok.Select(r => BestBaseline(byScenario[r.Scenario]) is { } b ? KpiMath.Savings(b, r) : null).OfType<double>().ToList();
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {strategy} | {ok.Count} | {ok.Average(r => r.NetCost):0.00} | {ok.Average(r => r.GrossCost):0.00} | {Pct(vsHyst.Count > 0 ? vsHyst.Average() : null)} | {Pct(vsBest.Count > 0 ? vsBest.Average() : null)} | {Pct(vsBest.Count > 0 ? vsBest.Min() : null)} | {Pct(vsComfortable.Count > 0 ? vsComfortable.Average() : null)} | {ok.Average(r => r.DiscomfortPerDay):0.00} | {ok.Max(r => r.DiscomfortPerDay):0.00} | {ok.Average(r => r.Starts):0} | {ok.Average(r => r.LevelChanges):0} | {ok.Max(r => r.MaxDecisionMs):0.0} |");
        }

        return s.ToString();
    }

    /// <summary>The baseline with the lowest net cost in a scenario.</summary>
    public static RunKpis? BestBaseline(IEnumerable<RunKpis> runs) =>
        runs.Where(r => r.Error is null && StrategyRegistry.IsBaseline(r.Strategy)).MinBy(r => r.NetCost);

    /// <summary>The baseline with the lowest net cost + 1 € per K·h of discomfort in a scenario.</summary>
    public static RunKpis? BestComfortWeightedBaseline(IEnumerable<RunKpis> runs) =>
        runs.Where(r => r.Error is null && StrategyRegistry.IsBaseline(r.Strategy)).MinBy(BaselineTuner.Score);

    private static string Pct(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
