using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Thermal;

public sealed class MinerOverheatPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private readonly MinerOverheatPolicy _policy = new(new MinerOverheatOptions());

    [Fact]
    public void Decide_Cool_DoesNothing()
    {
        var decision = _policy.Decide(MinerThermalState.Normal, Reading(70, limit: 3000), FakeMinerFamily.Continuous, null, T0);

        Assert.Null(decision.Command);
        Assert.Null(decision.Alert);
        Assert.Equal(MinerThermalLevel.Normal, decision.State.Level);
    }

    [Fact]
    public void Decide_AboveThrottle_StepsAQuarterOfTheRangeDown()
    {
        var decision = _policy.Decide(MinerThermalState.Normal, Reading(86, limit: 3000), FakeMinerFamily.Continuous, null, T0);

        Assert.Equal(MinerCommand.SetPower(2500), decision.Command);
        Assert.Equal(MinerAlertKind.Throttled, decision.Alert);
        Assert.Equal(new MinerThermalState(MinerThermalLevel.Throttled, T0, T0, 2500), decision.State);
    }

    [Fact]
    public void Decide_StillHot_StepsAgainOnlyAfterStepEvery()
    {
        var throttled = new MinerThermalState(MinerThermalLevel.Throttled, T0, T0, 2500);

        var early = _policy.Decide(throttled, Reading(88, limit: 2500), FakeMinerFamily.Continuous, null, T0.AddMinutes(4));
        var later = _policy.Decide(throttled, Reading(88, limit: 2500), FakeMinerFamily.Continuous, null, T0.AddMinutes(5));

        Assert.Null(early.Command);
        Assert.Equal(MinerCommand.SetPower(2000), later.Command);
        Assert.Equal(T0, later.State.Since);
    }

    [Fact]
    public void Decide_StillHotAtTheLowestStep_Sleeps()
    {
        var throttled = new MinerThermalState(MinerThermalLevel.Throttled, T0, T0, 1000);

        var decision = _policy.Decide(throttled, Reading(87, limit: 1000), FakeMinerFamily.Continuous, null, T0.AddMinutes(5));

        Assert.Equal(MinerCommand.Sleep, decision.Command);
        Assert.Equal(MinerAlertKind.Slept, decision.Alert);
        Assert.Contains("no lower power step", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AboveSleep_SleepsAtOnce()
    {
        var decision = _policy.Decide(MinerThermalState.Normal, Reading(96, limit: 3000), FakeMinerFamily.Continuous, null, T0);

        Assert.Equal(MinerCommand.Sleep, decision.Command);
        Assert.Equal(MinerThermalLevel.Sleeping, decision.State.Level);
    }

    [Fact]
    public void Decide_Tiers_DropsOneTier()
    {
        var decision = _policy.Decide(MinerThermalState.Normal, Reading(90, mode: "2"), FakeMinerFamily.Tiered, null, T0);

        Assert.Equal(MinerCommand.SetTier("1"), decision.Command);
        Assert.Equal(90, decision.State.CapWatts);
    }

    [Fact]
    public void Decide_NoCapabilities_Sleeps()
    {
        var decision = _policy.Decide(MinerThermalState.Normal, Reading(90, limit: 3000), null, null, T0);

        Assert.Equal(MinerCommand.Sleep, decision.Command);
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(74.9, true)]
    public void Decide_Throttled_RecoversOnlyBelowTheHysteresis(double temperature, bool recovers)
    {
        var throttled = new MinerThermalState(MinerThermalLevel.Throttled, T0, T0, 2500);

        var decision = _policy.Decide(throttled, Reading(temperature, limit: 2500), FakeMinerFamily.Continuous, null, T0.AddMinutes(1));

        Assert.Equal(recovers, decision.Recovered);
        Assert.Equal(recovers ? MinerThermalLevel.Normal : MinerThermalLevel.Throttled, decision.State.Level);
    }

    [Fact]
    public void Decide_SleepingWithoutTemperature_RecoversAfterTheCoolDown()
    {
        var sleeping = new MinerThermalState(MinerThermalLevel.Sleeping, T0, T0, null);
        var silent = new MinerReading { At = T0, Status = MinerStatus.Sleeping };

        Assert.False(_policy.Decide(sleeping, silent, FakeMinerFamily.Continuous, null, T0.AddMinutes(19)).Recovered);
        Assert.True(_policy.Decide(sleeping, silent, FakeMinerFamily.Continuous, null, T0.AddMinutes(20)).Recovered);
    }

    [Fact]
    public void Decide_Unreachable_KeepsTheState()
    {
        var throttled = new MinerThermalState(MinerThermalLevel.Throttled, T0, T0, 2500);

        var decision = _policy.Decide(throttled, MinerReading.Unreachable(T0, "gone"), FakeMinerFamily.Continuous, null, T0.AddHours(1));

        Assert.Same(throttled, decision.State);
    }

    [Fact]
    public void Constructor_UnorderedThresholds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MinerOverheatPolicy(new MinerOverheatOptions { RecoverBelow = 90 }));
    }

    private static MinerReading Reading(double chip, int? limit = null, string? mode = null) => new()
    {
        At = T0,
        Status = MinerStatus.Mining,
        PowerLimitWatts = limit,
        Mode = mode,
        ChipTemperatures = [chip - 5, chip],
        BoardTemperatures = [chip - 15],
    };
}
