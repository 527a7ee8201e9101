using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Strategies;
using static ProofOfHeat.Bench.Heating.Tests.Observations;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class HystStrategyTests
{
    private static HystStrategy Prepared(ScenarioSources sources)
    {
        var hyst = new HystStrategy();
        hyst.Prepare(new StrategySetup(sources, []));
        return hyst;
    }

    [Fact]
    public void SwitchesOnAtSetpointMinus03AndOffAtPlus03_SetpointIsLowerPlus03()
    {
        var hyst = Prepared(SetA());
        // T_set = 21.3: ON at ≤ 21.0, OFF at ≥ 21.6.
        Assert.Equal(0, Level(hyst.Decide(At(Night, 21.1)), "miner"));
        Assert.Equal(3500, Level(hyst.Decide(At(Night.AddMinutes(1), 21.0)), "miner"));
        Assert.Empty(hyst.Decide(At(Night.AddMinutes(12), 21.5)).Commands);
        Assert.Equal(0, Level(hyst.Decide(At(Night.AddMinutes(13), 21.6)), "miner"));
    }

    [Fact]
    public void HoldsStateForMinCycleDuration()
    {
        var hyst = Prepared(SetA());
        Assert.Equal(3500, Level(hyst.Decide(At(Night, 20.9)), "miner"));
        // Hot already after 5 min, but the miner's min_cycle_duration is 10 min.
        Assert.Null(Level(hyst.Decide(At(Night.AddMinutes(5), 21.7)), "miner"));
        Assert.Equal(0, Level(hyst.Decide(At(Night.AddMinutes(10), 21.8)), "miner"));
    }

    [Fact]
    public void EvaluatesOnlyOnNewSensorReports()
    {
        var hyst = Prepared(SetA());
        hyst.Decide(At(Night, 21.2));
        // Same report (age grows with time): no evaluation even though the value would switch.
        var stale = At(Night.AddMinutes(1), 20.0, age: TimeSpan.FromMinutes(1));
        Assert.Empty(hyst.Decide(stale).Commands);
    }

    [Fact]
    public void Stage2_OnWhenFarBelowSetpoint_OffWhenRecovered()
    {
        var hyst = Prepared(SetA());
        var first = hyst.Decide(At(Night, 20.4));
        Assert.Equal(3500, Level(first, "miner"));
        Assert.Equal(2000, Level(first, "heater"));
        Assert.Equal(0, Level(hyst.Decide(At(Night.AddMinutes(6), 21.3)), "heater"));
    }

    [Fact]
    public void Stage2_AfterThirtyMinutesWithoutRecovery()
    {
        var hyst = Prepared(SetA());
        Assert.False(Level(hyst.Decide(At(Night, 20.9)), "heater") > 0);
        Assert.False(Level(hyst.Decide(At(Night.AddMinutes(29), 20.8)), "heater") > 0);
        Assert.Equal(2000, Level(hyst.Decide(At(Night.AddMinutes(30), 20.9)), "heater"));
    }

    [Fact]
    public void SilentSensor_KeepsState()
    {
        var hyst = Prepared(SetA());
        hyst.Decide(At(Night, 20.9));
        Assert.Empty(hyst.Decide(At(Night.AddMinutes(20), null, age: TimeSpan.FromMinutes(20))).Commands);
    }

    [Fact]
    public void HydronicStage_GetsHeatingCurveFlow()
    {
        var hyst = Prepared(SetB());
        var decision = hyst.Decide(At(Night, 20.0, outdoor: 0));
        var pump = decision.Commands.Single(c => c.Id == "heatpump");
        Assert.Equal(8000, pump.PowerWatts);
        Assert.Equal(21.3 + 21.3, pump.FlowTemperature!.Value, 9);
    }
}
