using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class ComfortSweepTests
{
    private static (SweepPoint, RunKpis) Tried(double offset, double net, double khPerDay) =>
        (new SweepPoint("TPI", offset, TimeSpan.Zero, false, new TpiTuning()),
         new RunKpis { Scenario = "s-held-out", Strategy = "TPI-swept", ElectricityCost = net, DiscomfortKh = khPerDay * 5, Days = 5 });

    [Fact]
    public void Pick_TheCheapestWithinTheTuningLimit_NotTheCheapestOverall()
    {
        var choice = ComfortSweep.Pick([Tried(0.1, 40, 0.9), Tried(0.3, 45, 0.2), Tried(0.6, 50, 0.05)]);
        Assert.Equal(0.3, choice.Point.OffsetK);
        Assert.True(choice.Qualified);
        Assert.Equal(45, choice.HeldOutNetCost, 9);
        Assert.Equal(3, choice.Candidates);
    }

    [Fact]
    public void Pick_WhenNoneQualifies_TheMostComfortable_Flagged()
    {
        var choice = ComfortSweep.Pick([Tried(0.1, 40, 2.0), Tried(1.0, 60, 0.7)]);
        Assert.Equal(1.0, choice.Point.OffsetK);
        Assert.False(choice.Qualified);
    }

    [Fact]
    public void HeldOut_IsTheWarmUpAfterTwoDays_NeverTheScoredDays()
    {
        var scenario = ScenarioCatalog.Create("P1", TariffKind.T3, "B", "mid", ForecastErrorLevel.Medium, sensorFault: true);
        var heldOut = ComfortSweep.HeldOut(scenario).Definition;
        Assert.Equal(scenario.Definition.Start + TimeSpan.FromDays(2), heldOut.TestStart);
        Assert.Equal(scenario.Definition.TestStart, heldOut.TestEnd);
        Assert.Empty(heldOut.Faults);
    }

    [Fact]
    public void Key_SharedAcrossForecastErrors_NotAcrossTariffsOrSets()
    {
        var det = ScenarioCatalog.Create("P2", TariffKind.T3, "B", "mid", ForecastErrorLevel.Deterministic);
        var med = ScenarioCatalog.Create("P2", TariffKind.T3, "B", "mid", ForecastErrorLevel.Medium);
        var flat = ScenarioCatalog.Create("P2", TariffKind.T1, "B", "mid", ForecastErrorLevel.Medium);
        var setD = ScenarioCatalog.Create("P2", TariffKind.T3, "D", "mid", ForecastErrorLevel.Medium);
        Assert.Equal(ComfortSweep.Key(det), ComfortSweep.Key(med));
        Assert.NotEqual(ComfortSweep.Key(med), ComfortSweep.Key(flat));
        Assert.NotEqual(ComfortSweep.Key(med), ComfortSweep.Key(setD));
    }

    [Fact]
    public void Grid_CoversOffsetsLeadsOrdersAndTpiCoefficients()
    {
        Assert.Equal(4 * 5 * 2, ComfortSweep.Grid("HYST").Count);
        Assert.Equal(4 * 5 * 2 * 3, ComfortSweep.Grid("TPI").Count);
        Assert.All(ComfortSweep.Grid("PRICE-RULE"), p => Assert.True(p.CostOrder));
        Assert.Contains(ComfortSweep.Grid("TPI"), p => p.Lead == TimeSpan.FromMinutes(120) && p.OffsetK == 1.0);
    }

    [Fact]
    public void SweepPoint_CreatesTheConfiguredStrategy()
    {
        var point = new SweepPoint("PRICE-RULE", 0.6, TimeSpan.FromMinutes(90), true, new TpiTuning(0.2, 0.05));
        var strategy = Assert.IsType<PriceRuleStrategy>(point.Create());
        Assert.Equal("PRICE-RULE-swept", strategy.Name);
        Assert.Equal(0.6, strategy.Margin);
        Assert.Equal(TimeSpan.FromMinutes(90), strategy.PreheatLead);
        Assert.Equal(0.2, strategy.Tuning.CoefInt);
        Assert.Equal("+0.6 K, lead 90 min, cost order, TPI 0.2/0.05", strategy.Configuration);
    }
}
