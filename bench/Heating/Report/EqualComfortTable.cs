using System.Globalization;
using System.Text;
using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Runner;

namespace ProofOfHeat.Bench.Heating.Report;

/// <summary>
/// The headline at equal comfort (bench/Heating/README.md, Equal comfort): per scenario, the reference is the
/// cheapest baseline run whose discomfort on the scored days is ≤ 0.5 K·h/day — the stock baselines and the
/// configurations the comfort sweep chose on held-out days — or "no comfortable baseline" when none is. Cost and
/// discomfort are always printed as a pair.
/// </summary>
public static class EqualComfortTable
{
    /// <summary>The acceptance targets the summary counts against.</summary>
    public const double TargetKhPerDay = 0.25;
    public const double TargetSaving = 0.20;
    public const double TargetCapture = 0.95;
    public const double TargetPlanMs = 1000;

    /// <summary>The cheapest baseline within the comfort limit in one scenario, or null.</summary>
    public static RunKpis? Reference(IEnumerable<RunKpis> runs) =>
        runs.Where(r => r.Error is null && StrategyRegistry.IsBaseline(r.Strategy) && r.DiscomfortPerDay <= ComfortSweep.ComfortLimitKhPerDay).MinBy(r => r.NetCost);

    /// <summary>Whether the scenario's tariff varies in price by the slot (T3, T3Stress, T4), read from its name.</summary>
    public static bool IsDynamic(string scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Split('-').Any(p => p is "T3" or "T3Stress" or "T4");
    }

    public static string Markdown(IReadOnlyList<RunKpis> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var s = new StringBuilder();
        s.AppendLine("## Headline at equal comfort").AppendLine();
        s.Append(CultureInfo.InvariantCulture, $"The reference is the cheapest baseline run with ≤ {ComfortSweep.ComfortLimitKhPerDay:0.0} K·h/day on the scored days, among the stock baselines and the ");
        s.AppendLine("configurations the comfort sweep chose on held-out days (bench/Heating/README.md, Equal comfort). Saving = (Net_ref − Net) / Gross_ref; "
            + "capture = (Net_ref − Net_MPC) / (Net_ref − Net_bound), the bound being BOUND where it ran, else the stock ORACLE. Each cell is net € / K·h per day.").AppendLine();
        s.AppendLine("| scenario | reference | configuration | reference € / K·h/d | MPC € / K·h/d | MPC saving | bound € / K·h/d | bound saving | capture |");
        s.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|");
        var rows = new List<(string Scenario, RunKpis? Reference, RunKpis? Mpc, RunKpis? Oracle)>();
        foreach (var group in results.GroupBy(r => r.Scenario))
        {
            var runs = group.ToList();
            var reference = Reference(runs);
            var mpc = runs.FirstOrDefault(r => r.Strategy == "MPC" && r.Error is null);
            var oracle = Bound(runs);
            rows.Add((group.Key, reference, mpc, oracle));
            if (reference is null)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | no comfortable baseline | – | – | {Pair(mpc)} | – | {Pair(oracle)} | – | – |");
                continue;
            }

            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {reference.Strategy} | {reference.Configuration ?? "stock"} | {Pair(reference)} | {Pair(mpc)} | {Pct(mpc is null ? null : KpiMath.Savings(reference, mpc))} | {Pair(oracle)} | {Pct(oracle is null ? null : KpiMath.Savings(reference, oracle))} | {Pct(mpc is null || oracle is null ? null : KpiMath.Capture(reference, mpc, oracle))} |");
        }

        s.AppendLine().AppendLine("Against the acceptance targets (MPC ≤ 0.25 K·h/day; on dynamic tariffs ≥ 20 % below the reference; ≥ 95 % capture; plans < 1 s):").AppendLine();
        s.AppendLine("| tariffs | scenarios | with a comfortable baseline | MPC ≤ 0.25 K·h/day | MPC saving, mean [min, max] | bound saving, mean [min, max] | MPC saving ≥ 20 % | bound saving ≥ 20 % | capture ≥ 95 % [min, max] | MPC plan ms, max: wall / thread CPU |");
        s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var ceilings = new List<string>();
        foreach (var (label, dynamic) in new[] { ("dynamic (T3, T4)", true), ("flat or time-of-use", false) })
        {
            var set = rows.Where(r => IsDynamic(r.Scenario) == dynamic).ToList();
            if (set.Count == 0)
            {
                continue;
            }

            var withRef = set.Where(r => r.Reference is not null && r.Mpc is not null).ToList();
            var savings = withRef.Select(r => KpiMath.Savings(r.Reference!, r.Mpc!)).OfType<double>().ToList();
            var captures = withRef.Where(r => r.Oracle is not null).Select(r => KpiMath.Capture(r.Reference!, r.Mpc!, r.Oracle!)).OfType<double>().ToList();
            var mpcs = set.Select(r => r.Mpc).OfType<RunKpis>().ToList();
            var boundSavings = set.Where(r => r.Reference is not null && r.Oracle is not null)
                .Select(r => (r.Scenario, Saving: KpiMath.Savings(r.Reference!, r.Oracle!))).Where(b => b.Saving is not null).ToList();
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {set.Count} | {withRef.Count} | {mpcs.Count(m => m.DiscomfortPerDay <= TargetKhPerDay)}/{mpcs.Count} | {Spread(savings)} | {Spread(boundSavings.Select(b => b.Saving!.Value).ToList())} | {savings.Count(v => v >= TargetSaving)}/{savings.Count} | {boundSavings.Count(b => b.Saving >= TargetSaving)}/{boundSavings.Count} | {captures.Count(c => c >= TargetCapture)}/{captures.Count}{(captures.Count > 0 ? $" [{Pct(captures.Min())}, {Pct(captures.Max())}]" : "")} | {PlanMs(mpcs)} |");
            if (dynamic && boundSavings.Count > 0 && boundSavings.All(b => b.Saving < TargetSaving))
            {
                // The saving target is judged against what the bound itself reaches: a target the optimum of the scored
                // objective misses on every scenario cannot be met by any controller on this bench.
                var best = boundSavings.MaxBy(b => b.Saving!.Value);
                ceilings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"On the dynamic tariffs the bound itself saves at most {Pct(best.Saving)} against the equal-comfort reference ({best.Scenario}; {Pct(boundSavings.Min(b => b.Saving))} at least), so \"≥ {TargetSaving * 100:0} % below the cheapest comfortable baseline\" is above what the true optimum achieves on this bench (BOUND optimises the scored objective on the end-of-slot model with foresight; README, The true bound). The actionable target is capture ≥ {TargetCapture * 100:0} % of the bound's saving."));
            }
        }

        foreach (var ceiling in ceilings)
        {
            s.AppendLine().AppendLine(ceiling);
        }

        var checks = results.Where(r => r.Strategy == "BOUND" && r.Error is null && r.Configuration is not null).ToList();
        if (checks.Count > 0)
        {
            s.AppendLine().AppendLine("BOUND's grid refinement (planned net cost over the test period on the true model, per level; it stops below a 0.5 % change):").AppendLine();
            s.AppendLine("| scenario | refinement check |").AppendLine("|---|---|");
            foreach (var r in checks)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Configuration} |");
            }
        }

        var reused = results.Where(r => r.ReusedFrom is not null).GroupBy(r => (r.Strategy, r.ReusedFrom)).ToList();
        if (reused.Count > 0)
        {
            s.AppendLine().AppendLine("Rows read from an earlier run (`--reuse`), not run again: "
                + string.Join("; ", reused.Select(g => $"{g.Key.Strategy} × {g.Count()} from {g.Key.ReusedFrom}")) + ".");
        }

        return s.AppendLine().ToString();
    }

    // The slowest decision is a full plan. Wall time includes what other work on a loaded machine took from it; the
    // thread's CPU time (runs since 2026-12-08) does not, and is what the < 1 s target is about.
    private static string PlanMs(List<RunKpis> mpcs)
    {
        if (mpcs.Count == 0)
        {
            return "–";
        }

        var cpu = mpcs.Select(m => m.MaxDecisionCpuMs).OfType<double>().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{mpcs.Max(m => m.MaxDecisionMs):0} / {(cpu.Count > 0 ? cpu.Max().ToString("0", CultureInfo.InvariantCulture) : "–")}");
    }

    /// <summary>BOUND's run where there is one, else the stock ORACLE's.</summary>
    public static RunKpis? Bound(IEnumerable<RunKpis> runs)
    {
        var list = runs.Where(r => r.Error is null).ToList();
        return list.FirstOrDefault(r => r.Strategy == "BOUND") ?? list.FirstOrDefault(r => r.Strategy == "ORACLE");
    }

    private static string Spread(List<double> values) =>
        values.Count > 0 ? $"{Pct(values.Average())} [{Pct(values.Min())}, {Pct(values.Max())}]" : "–";

    private static string Pair(RunKpis? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.NetCost:0.00} / {r.DiscomfortPerDay:0.00}");

    private static string Pct(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
