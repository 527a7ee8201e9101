using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Strategies;
using static ProofOfHeat.Bench.Heating.Tests.Observations;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class TpiPidPriceRuleTests
{
    [Fact]
    public void Tpi_DefaultCoefficients_MinerTierFollowsOnPercent()
    {
        var tpi = new TpiStrategy();
        tpi.Prepare(new StrategySetup(SetA(), []));
        // on% = 0.6·(21.3 − 20.8) + 0.01·(21.3 − 1.3) = 0.3 + 0.2 = 0.5 → the 50 % tier.
        var decision = tpi.Decide(At(Night, 20.8, outdoor: 1.3));
        Assert.Equal(0.5, tpi.OnFraction, 9);
        Assert.Equal(1750, Level(decision, "miner"));
    }

    [Fact]
    public void Tpi_MinerBetweenTiers_TimeProportionedWithinTheCycle()
    {
        var tpi = new TpiStrategy();
        tpi.Prepare(new StrategySetup(SetA(), []));
        // on% = 0.6·(21.3 − 20.3) = 0.6 → 2100 W, between the 1750 and 2625 W tiers: 2625 W for 40 % of the 5-min
        // cycle (2 min), then 1750 W; the nearest tier alone would have been 1750 W throughout.
        Assert.Equal(2625, Level(tpi.Decide(At(Night, 20.3, outdoor: 21.3)), "miner"));
        Assert.Null(Level(tpi.Decide(At(Night.AddMinutes(1), 20.3, outdoor: 21.3)), "miner"));
        Assert.Equal(1750, Level(tpi.Decide(At(Night.AddMinutes(2), 20.3, outdoor: 21.3)), "miner"));
        Assert.Null(Level(tpi.Decide(At(Night.AddMinutes(4), 20.3, outdoor: 21.3)), "miner"));
        Assert.Equal(2625, Level(tpi.Decide(At(Night.AddMinutes(5), 20.3, outdoor: 21.3)), "miner"));
    }

    [Fact]
    public void Tpi_ResistivePrimary_IsTimeProportionalInFiveMinuteCycle()
    {
        var sources = new ScenarioSources([SetA().Sources[1]]);
        var tpi = new TpiStrategy();
        tpi.Prepare(new StrategySetup(sources, []));
        // on% 0.4 → 2 min on, 3 min off.
        var on = tpi.Decide(At(Night, 21.3 - (0.4 / 0.6), outdoor: 21.3));
        Assert.Equal(2000, Level(on, "heater"));
        Assert.Null(Level(tpi.Decide(At(Night.AddMinutes(1), 21.3, outdoor: 21.3)), "heater"));
        Assert.Equal(0, Level(tpi.Decide(At(Night.AddMinutes(2), 21.3, outdoor: 21.3)), "heater"));
        Assert.Equal(0.4, tpi.OnFraction, 9);
    }

    [Fact]
    public void Tpi_Stage2_AfterTwoSaturatedCycles()
    {
        var tpi = new TpiStrategy();
        tpi.Prepare(new StrategySetup(SetA(), []));
        Assert.False(Level(tpi.Decide(At(Night, 18)), "heater") > 0);
        Assert.Equal(2000, Level(tpi.Decide(At(Night.AddMinutes(5), 18)), "heater"));
        Assert.Equal(0, Level(tpi.Decide(At(Night.AddMinutes(10), 21.25, outdoor: 21.3)), "heater"));
    }

    [Fact]
    public void Tpi_SafetyModeWithoutReportsForAnHour()
    {
        var tpi = new TpiStrategy();
        tpi.Prepare(new StrategySetup(SetA(), []));
        tpi.Decide(At(Night, null, age: TimeSpan.FromMinutes(61)));
        Assert.Equal(0.1, tpi.OnFraction, 9);
    }

    [Fact]
    public void Pid_ComputesHaSmartThermostatOutput()
    {
        var pid = new PidStrategy(new PidTuning(Kp: 50, Ki: 0.01, Kd: 0, Ke: 0.6));
        pid.Prepare(new StrategySetup(SetA(), []));
        pid.Decide(At(Night, 21.0, outdoor: 1.3));
        // P = 50·0.3 = 15, I = 0 (first sample), E = 0.6·20 = 12.
        Assert.Equal(27, pid.Output, 6);
        pid.Decide(At(Night.AddMinutes(10), 21.0, outdoor: 1.3));
        // I = 0.01·0.3·600 = 1.8.
        Assert.Equal(28.8, pid.Output, 6);
    }

    [Fact]
    public void Pid_OutputClampedTo100()
    {
        var pid = new PidStrategy(new PidTuning(Kp: 500, Ki: 0, Kd: 0, Ke: 0));
        pid.Prepare(new StrategySetup(SetA(), []));
        var decision = pid.Decide(At(Night, 15));
        Assert.Equal(100, pid.Output);
        Assert.Equal(3500, Level(decision, "miner"));
    }

    [Fact]
    public void PriceRule_MinerRunsWhenPriceBelowBreakEven()
    {
        var rule = new PriceRuleStrategy();
        rule.Prepare(new StrategySetup(SetA(), []));
        // Warm room: TPI asks nothing, but at p = 0.02 €/kWh the S21 is profitable.
        var decision = rule.Decide(At(Night, 23.0, outdoor: 23.0, price: 0.02));
        Assert.Equal(3500, Level(decision, "miner"));
        var expensive = new PriceRuleStrategy();
        expensive.Prepare(new StrategySetup(SetA(), []));
        Assert.Equal(0, Level(expensive.Decide(At(Night, 23.0, outdoor: 23.0, price: 0.30)), "miner"));
    }

    [Fact]
    public void PriceRule_OrdersSourcesByHeatCost()
    {
        var rule = new PriceRuleStrategy();
        rule.Prepare(new StrategySetup(SetB(), []));
        var observation = At(Night, 20.5, outdoor: 5, price: 0.30);
        var miner = rule.HeatCost(SetB().Sources[0], observation, 0.30, 21.3);
        var pump = rule.HeatCost(SetB().Sources[1], observation, 0.30, 21.3);
        Assert.Equal(0.30 - KpiMath.MinerBreakEven(17.5, 0.0344, 0.02), miner, 9);
        Assert.True(pump < miner);
        // So the heat pump is stage 1 at 0.30 €/kWh.
        var decision = rule.Decide(observation);
        Assert.True(Level(decision, "heatpump") > 0);
    }
}
