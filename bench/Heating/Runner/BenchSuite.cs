using System.Diagnostics;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Scenarios;

namespace ProofOfHeat.Bench.Heating.Runner;

/// <summary>Runs every (scenario, strategy) pair in parallel across cores, tuning baselines first.</summary>
public static class BenchSuite
{
    public static IReadOnlyList<RunKpis> Run(IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> strategies, StrategyRegistry registry, TextWriter progress, string? traceDirectory = null, IReadOnlyList<RunKpis>? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(progress);
        var watch = Stopwatch.StartNew();
        foreach (var house in scenarios.Select(s => s.Definition).DistinctBy(d => (d.HouseName, d.House)))
        {
            if (strategies.Any(s => s.Equals("TPI-tuned", StringComparison.OrdinalIgnoreCase) || s.Equals("PRICE-RULE", StringComparison.OrdinalIgnoreCase)))
            {
                registry.Tuner.Tpi(house.HouseName, house.House);
            }

            if (strategies.Any(s => s.Equals("PID", StringComparison.OrdinalIgnoreCase)))
            {
                registry.Tuner.Pid(house.HouseName, house.House);
            }
        }

        if (strategies.Any(StrategyRegistry.IsSwept))
        {
            foreach (var scenario in scenarios)
            {
                registry.Sweep.Tune(scenario);
            }
        }

        progress.WriteLine($"tuning done in {watch.Elapsed.TotalSeconds:0.0} s");
        var jobs = (from scenario in scenarios from strategy in strategies select (scenario, strategy)).ToList();
        var results = new RunKpis[jobs.Count];
        var done = 0;
        var gate = new Lock();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (scenario, name) = jobs[i];
            try
            {
                if (Reused(reuse, scenario, name) is { } earlier)
                {
                    results[i] = earlier;
                }
                else
                {
                    using var series = traceDirectory is null ? null : new StreamWriter(Path.Combine(traceDirectory, $"{scenario.Definition.Name}.{name}.csv"));
                    var strategy = registry.Create(name, scenario);
                    results[i] = BenchRun.Run(scenario, strategy, series: series) with { Configuration = (strategy as Baselines.BaselineStrategy)?.Configuration ?? (strategy as Strategies.BoundStrategy)?.RefinementCheck };
                }
            }
#pragma warning disable CA1031 // one failing strategy must not hide every other result; the error is reported in the table
            catch (Exception e)
#pragma warning restore CA1031
            {
                results[i] = new RunKpis { Scenario = scenario.Definition.Name, Strategy = name, Error = $"{e.GetType().Name}: {e.Message}" };
            }

            lock (gate)
            {
                done++;
                var r = results[i];
                progress.WriteLine($"[{done}/{jobs.Count}] {watch.Elapsed.TotalSeconds,6:0.0}s {r.Scenario} {r.Strategy}: "
                    + (r.Error ?? $"net {r.NetCost:0.00} € disc {r.DiscomfortPerDay:0.00} K·h/d"));
            }
        });
        return results;
    }

    /// <summary>An earlier successful row for the same scenario name, strategy and test length, if any.</summary>
    private static RunKpis? Reused(IReadOnlyList<RunKpis>? reuse, Scenario scenario, string name) =>
        reuse?.FirstOrDefault(r => r.Error is null
            && r.Scenario == scenario.Definition.Name
            && string.Equals(r.Strategy, name, StringComparison.OrdinalIgnoreCase)
            && Math.Abs(r.Days - scenario.Definition.Test.TotalDays) < 1e-6);
}
