using System.Globalization;
using System.Text.RegularExpressions;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed partial class BoundStrategyTests
{
    [Fact]
    public void Options_AreTheScoredObjective_NoMarginNoSwitchingPenalty_FinerPerLevel()
    {
        var coarse = BoundStrategy.Options(0, 0, 100);
        var fine = BoundStrategy.Options(1, 0, 100);
        Assert.Equal(0, coarse.ComfortMargin);
        Assert.Equal(0, coarse.SwitchPenaltyEur);
        Assert.Equal(0, coarse.LevelChangePenaltyEur);
        Assert.True(coarse.DiscomfortEurPerKelvinHour >= 100);
        Assert.True(fine.AirGridStep < coarse.AirGridStep && fine.MassGridStep < coarse.MassGridStep && fine.HeatBucketWatts < coarse.HeatBucketWatts);
    }

    [Fact]
    public void ShortRun_RefinesTheGridUntilTheCostSettles_AndPrintsEveryLevel()
    {
        var s = ScenarioCatalog.Create("P2", TariffKind.T3, "B", "mid", ForecastErrorLevel.Deterministic);
        var scenario = s with { Definition = s.Definition with { WarmUp = TimeSpan.FromDays(2), Test = TimeSpan.FromDays(1) } };
        var bound = new BoundStrategy();
        var kpis = BenchRun.Run(scenario, bound);
        var costs = Cost().Matches(bound.RefinementCheck).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(costs.Count, 2, BoundStrategy.Levels.Count);
        var lastChange = Math.Abs(costs[^1] - costs[^2]) / costs[^2];
        Assert.True(lastChange < BoundStrategy.RefinementTolerance || bound.RefinementCheck.Contains("not converged", StringComparison.Ordinal), bound.RefinementCheck);
        Assert.True(kpis.NetCost > 0);
        // The first test day holds the 20:00 step after two days of warm-up; the stock ORACLE has 0.3 K·h/day there too.
        Assert.True(kpis.DiscomfortPerDay < 1.5, $"{kpis.DiscomfortPerDay} K·h/day");
    }

    [GeneratedRegex(@"W: (-?[0-9.]+) €")]
    private static partial Regex Cost();
}
