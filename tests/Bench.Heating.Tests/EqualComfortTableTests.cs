using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Report;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class EqualComfortTableTests
{
    private static RunKpis Run(string scenario, string strategy, double net, double khPerDay, string? configuration = null) =>
        new() { Scenario = scenario, Strategy = strategy, ElectricityCost = net, DiscomfortKh = khPerDay * 14, Days = 14, Configuration = configuration };

    [Fact]
    public void Reference_IsTheCheapestComfortableBaseline_NotTheCheapestColdOne()
    {
        RunKpis[] runs =
        [
            Run("P2-T3-B-mid-med", "PRICE-RULE", 100, 4.5),
            Run("P2-T3-B-mid-med", "TPI-swept", 120, 0.3, "+0.6 K, lead 60 min, cost order, TPI 0.2/0.05"),
            Run("P2-T3-B-mid-med", "HYST-swept", 125, 0.1),
            Run("P2-T3-B-mid-med", "MPC", 90, 0.2),
        ];
        var reference = EqualComfortTable.Reference(runs);
        Assert.Equal("TPI-swept", reference!.Strategy);
        var markdown = EqualComfortTable.Markdown(runs);
        // (120 − 90) / 120 = 25 %: cost and discomfort as a pair, with the configuration.
        Assert.Contains("| P2-T3-B-mid-med | TPI-swept | +0.6 K, lead 60 min, cost order, TPI 0.2/0.05 | 120.00 / 0.30 | 90.00 / 0.20 | 25.0 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| dynamic (T3, T4) | 1 | 1 | 1/1 | 25.0 % [25.0 %, 25.0 %] | – | 1/1 | 0/0 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanTime_IsTheSlowestDecision_WallClockBesideThreadCpu()
    {
        RunKpis[] runs =
        [
            Run("P3-T3-B-mid-med", "TPI-swept", 44, 0.1),
            Run("P3-T3-B-mid-med", "MPC", 40, 0.1) with { MaxDecisionMs = 2400, MaxDecisionCpuMs = 240 },
            Run("P3-T3-D-mid-med", "TPI-swept", 43, 0.1),
            Run("P3-T3-D-mid-med", "MPC", 40, 0.1) with { MaxDecisionMs = 900, MaxDecisionCpuMs = 310 },
        ];
        var markdown = EqualComfortTable.Markdown(runs);
        Assert.Contains("| MPC plan ms, max: wall / thread CPU |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2400 / 310 |", markdown, StringComparison.Ordinal);

        // Rows from before the CPU time was measured show the wall clock alone.
        Assert.Contains("| 5 / – |", EqualComfortTable.Markdown([Run("P3-T3-B-mid-med", "MPC", 40, 0.1) with { MaxDecisionMs = 5 }]), StringComparison.Ordinal);
    }

    [Fact]
    public void NoBaselineWithinTheLimit_SaysSo_WithoutAPercentage()
    {
        RunKpis[] runs = [Run("P1-T1-A-mid-det", "HYST", 250, 19.7), Run("P1-T1-A-mid-det", "TPI-swept", 290, 0.8), Run("P1-T1-A-mid-det", "MPC", 293, 0.1)];
        Assert.Null(EqualComfortTable.Reference(runs));
        var markdown = EqualComfortTable.Markdown(runs);
        Assert.Contains("| P1-T1-A-mid-det | no comfortable baseline | – | – | 293.00 / 0.10 | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("| flat or time-of-use | 1 | 0 | 1/1 | – | – | 0/0 | 0/0 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundSavingBesideTheMpcs_AndTheCeilingIsSaidWhenTheBoundMissesTheTarget()
    {
        RunKpis[] runs =
        [
            Run("P2-T3-B-mid-med", "TPI-swept", 100, 0.3),
            Run("P2-T3-B-mid-med", "MPC", 90, 0.1),
            Run("P2-T3-B-mid-med", "BOUND", 85, 0.1),
            Run("P3-T3-B-mid-med", "TPI-swept", 50, 0.1),
            Run("P3-T3-B-mid-med", "MPC", 48, 0.1),
            Run("P3-T3-B-mid-med", "BOUND", 47, 0.1),
        ];
        var markdown = EqualComfortTable.Markdown(runs);
        // MPC 10 % and 4 %; bound 15 % and 6 %; captures 10/15 = 66.7 % and 2/3 = 66.7 %.
        Assert.Contains("| dynamic (T3, T4) | 2 | 2 | 2/2 | 7.0 % [4.0 %, 10.0 %] | 10.5 % [6.0 %, 15.0 %] | 0/2 | 0/2 | 0/2 [66.7 %, 66.7 %] |", markdown, StringComparison.Ordinal);
        Assert.Contains("the bound itself saves at most 15.0 % against the equal-comfort reference (P2-T3-B-mid-med; 6.0 % at least)", markdown, StringComparison.Ordinal);

        var reachable = EqualComfortTable.Markdown([Run("P2-T3-B-mid-med", "TPI-swept", 100, 0.3), Run("P2-T3-B-mid-med", "MPC", 90, 0.1), Run("P2-T3-B-mid-med", "BOUND", 75, 0.1)]);
        Assert.DoesNotContain("the bound itself saves at most", reachable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P2-T3-B-mid-med", true)]
    [InlineData("P2-T4-B-mid-med-H-L", true)]
    [InlineData("P2-T1-B-mid-med", false)]
    [InlineData("P2-T2-D-mid-det-F1", false)]
    public void IsDynamic_ReadsTheTariffFromTheName(string scenario, bool dynamic) =>
        Assert.Equal(dynamic, EqualComfortTable.IsDynamic(scenario));
}
