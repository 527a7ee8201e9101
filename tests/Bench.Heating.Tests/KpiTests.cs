using ProofOfHeat.Bench.Heating.Kpis;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class KpiTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Savings_UseBaselineGrossBill()
    {
        var baseline = new RunKpis { Scenario = "s", Strategy = "HYST", ElectricityCost = 100, GasCost = 20, MiningRevenue = 30 };
        var controller = new RunKpis { Scenario = "s", Strategy = "MPC", ElectricityCost = 80, GasCost = 0, MiningRevenue = 50 };
        // Net 90 vs 30 over a gross bill of 120.
        Assert.Equal(0.5, KpiMath.Savings(baseline, controller)!.Value, 9);
        var oracle = new RunKpis { Scenario = "s", Strategy = "ORACLE", ElectricityCost = 40, MiningRevenue = 30 };
        Assert.Equal(60.0 / 80.0, KpiMath.Capture(baseline, controller, oracle)!.Value, 9);
    }

    [Fact]
    public void Savings_StayDefinedWhenNetIsNegative()
    {
        var baseline = new RunKpis { Scenario = "s", Strategy = "HYST", ElectricityCost = 10, MiningRevenue = 5 };
        var controller = new RunKpis { Scenario = "s", Strategy = "MPC", ElectricityCost = 10, MiningRevenue = 15 };
        Assert.Equal(1.0, KpiMath.Savings(baseline, controller)!.Value, 9);
    }

    [Fact]
    public void Discomfort_BoptestDefinition()
    {
        Assert.Equal(0.5, KpiMath.Discomfort(20.5, 21, 24, 1), 9);
        Assert.Equal(1.0, KpiMath.Discomfort(26, 21, 24, 0.5), 9);
        Assert.Equal(0, KpiMath.Discomfort(22, 21, 24, 10), 9);
    }

    [Fact]
    public void MiningRevenue_AndBreakEven()
    {
        // 200 TH/s for a day at 0.0344 €/TH/day and 2 % fee.
        Assert.Equal(200 * 0.0344 * 0.98, KpiMath.MiningRevenue(200, 0.0344, 0.02, 86400), 9);
        // S21: 0.040 $ × 0.86 / (0.024 × 17.5) ≈ 0.0819 €/kWh before fees.
        Assert.Equal(0.0344 / 0.42, KpiMath.MinerBreakEven(17.5, 0.0344, 0), 9);
    }

    [Fact]
    public void Accumulator_SumsCostsDiscomfortAndPeakOfFullQuarters()
    {
        var acc = new KpiAccumulator();
        for (var i = 0; i < 30; i++)
        {
            // First quarter at 2 kW, second at 4 kW; room 20 °C against a lower bound of 21.
            acc.Add(T0.AddMinutes(i), 60, i < 15 ? 2000 : 4000, 1000, 3000, 0.01, 0.30, 0.10, 20, 21, 24, false);
        }

        acc.AddDecision(2);
        acc.AddDecision(4);
        var kpis = acc.Finish("s", "x", [], TimeSpan.FromMinutes(15));
        Assert.Equal((0.5 + 1.0) * 0.30, kpis.ElectricityCost, 9);
        Assert.Equal(0.5 * 0.10, kpis.GasCost, 9);
        Assert.Equal(0.30, kpis.MiningRevenue, 9);
        Assert.Equal(0.5, kpis.DiscomfortKh, 9);
        Assert.Equal(4, kpis.PeakKw, 9);
        Assert.Equal(3, kpis.MeanDecisionMs, 9);
        Assert.Equal(3.0 / 900_000, kpis.TimeRatio, 12);
        Assert.Equal(1.5 * 0.167 + 0.5 * 0.20, kpis.Co2Kg, 9);
    }

    [Fact]
    public void Accumulator_KeepsTheDecidingThreadsCpuTimeBesideTheWallClock_AndNoneWhereItWasNotMeasured()
    {
        var measured = new KpiAccumulator();
        measured.AddDecision(900, 120);
        measured.AddDecision(30, 20);
        var kpis = measured.Finish("s", "MPC", [], TimeSpan.FromMinutes(15));
        Assert.Equal(900, kpis.MaxDecisionMs, 9);
        Assert.Equal(120, kpis.MaxDecisionCpuMs!.Value, 9);
        Assert.Equal(70, kpis.MeanDecisionCpuMs!.Value, 9);

        var unmeasured = new KpiAccumulator();
        unmeasured.AddDecision(5);
        Assert.Null(unmeasured.Finish("s", "MPC", [], TimeSpan.FromMinutes(15)).MaxDecisionCpuMs);
    }

    [Fact]
    public void Accumulator_FaultExcursion()
    {
        var acc = new KpiAccumulator();
        acc.Add(T0, 60, 0, 0, 0, 0, 0.3, 0.1, 19.5, 21, 24, true);
        acc.Add(T0.AddMinutes(1), 60, 0, 0, 0, 0, 0.3, 0.1, 18.0, 21, 24, false);
        Assert.Equal(1.5, acc.Finish("s", "x", [], TimeSpan.FromMinutes(1)).FaultMaxExcursionK!.Value, 9);
    }
}
