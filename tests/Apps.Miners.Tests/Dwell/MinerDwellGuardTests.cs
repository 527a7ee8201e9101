using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Dwell;

public sealed class MinerDwellGuardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly MinerDwellTimes Times = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));

    [Fact]
    public void Request_NoHistory_AllowsTheFirstChange()
    {
        var guard = new MinerDwellGuard(Times);

        Assert.Equal(MinerDwellVerdict.Allowed, guard.Request(MinerCommand.Sleep, T0).Verdict);
    }

    [Fact]
    public void Request_SleepSoonAfterWake_IsDeferredUntilTheMinimumOnTime()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.Wake, T0);

        var decision = guard.Request(MinerCommand.Sleep, T0.AddMinutes(3));

        Assert.Equal(MinerDwellVerdict.Deferred, decision.Verdict);
        Assert.Equal(T0.AddMinutes(10), decision.NotBefore);
        Assert.Equal(MinerCommand.Sleep, guard.Pending);
        Assert.Contains("minimum", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TakeDue_BeforeAndAfterTheDwell_HandsTheKeptRequestOutOnce()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.Wake, T0);
        guard.Request(MinerCommand.Sleep, T0.AddMinutes(1));

        Assert.Null(guard.TakeDue(T0.AddMinutes(9)));
        var due = guard.TakeDue(T0.AddMinutes(10));

        Assert.Equal(MinerDwellVerdict.Allowed, due?.Verdict);
        Assert.Equal(MinerCommand.Sleep, due?.Command);
        Assert.Null(guard.Pending);
        Assert.Null(guard.TakeDue(T0.AddMinutes(11)));
    }

    [Fact]
    public void Request_ContradictingAKeptRequest_DropsIt()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.Wake, T0);
        guard.Request(MinerCommand.Sleep, T0.AddMinutes(1));

        var decision = guard.Request(MinerCommand.Wake, T0.AddMinutes(2));

        Assert.Equal(MinerDwellVerdict.NoOp, decision.Verdict);
        Assert.Null(guard.Pending);
    }

    [Fact]
    public void Request_NewerDeferredRequest_ReplacesTheOlder()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.SetPower(2000), T0);
        guard.Request(MinerCommand.SetPower(2500), T0.AddMinutes(1));

        guard.Request(MinerCommand.SetPower(1500), T0.AddMinutes(2));

        Assert.Equal(MinerCommand.SetPower(1500), guard.Pending);
        Assert.Equal(MinerCommand.SetPower(1500), guard.TakeDue(T0.AddMinutes(5))?.Command);
    }

    [Fact]
    public void Request_SameTargetWhileRunning_IsNoOp()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.SetPower(2000), T0);

        Assert.Equal(MinerDwellVerdict.NoOp, guard.Request(MinerCommand.SetPower(2000), T0.AddSeconds(1)).Verdict);
        Assert.Equal(MinerDwellVerdict.NoOp, guard.Request(MinerCommand.Wake, T0.AddSeconds(1)).Verdict);
    }

    [Fact]
    public void Request_PowerWhileAsleep_WaitsForBothMinimumOffAndPowerInterval()
    {
        var guard = new MinerDwellGuard(Times with { PowerChangeInterval = TimeSpan.FromMinutes(15) });
        guard.Applied(MinerCommand.SetPower(2000), T0);
        guard.Applied(MinerCommand.Sleep, T0.AddMinutes(12));

        var sameTarget = guard.Evaluate(MinerCommand.SetPower(2000), T0.AddMinutes(13));
        var newTarget = guard.Evaluate(MinerCommand.SetPower(2500), T0.AddMinutes(13));

        Assert.Equal(T0.AddMinutes(22), sameTarget.NotBefore);
        Assert.Equal(T0.AddMinutes(22), newTarget.NotBefore);
        Assert.Equal(MinerDwellVerdict.Allowed, guard.Evaluate(MinerCommand.SetPower(2500), T0.AddMinutes(22)).Verdict);
    }

    [Fact]
    public void Evaluate_UrgentSleep_IgnoresTheMinimumOnTimeOnly()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.Wake, T0);
        guard.Applied(MinerCommand.Sleep, T0.AddMinutes(1));

        Assert.Equal(MinerDwellVerdict.NoOp, guard.Evaluate(MinerCommand.Sleep, T0.AddMinutes(1), urgent: true).Verdict);
        var fresh = new MinerDwellGuard(Times);
        fresh.Applied(MinerCommand.Wake, T0);
        Assert.Equal(MinerDwellVerdict.Allowed, fresh.Evaluate(MinerCommand.Sleep, T0.AddMinutes(1), urgent: true).Verdict);
        Assert.Equal(MinerDwellVerdict.Deferred, fresh.Evaluate(MinerCommand.Sleep, T0.AddMinutes(1)).Verdict);
    }

    [Fact]
    public void Observe_FirstSightWithUptime_DatesTheStart()
    {
        var guard = new MinerDwellGuard(Times);

        guard.Observe(MinerStatus.Mining, T0, TimeSpan.FromMinutes(4), MinerCommand.SetPower(2200));

        Assert.True(guard.IsOn);
        Assert.Equal(T0.AddMinutes(-4), guard.LastSwitchAt);
        Assert.Equal(MinerCommand.SetPower(2200), guard.Target);
        Assert.Equal(T0.AddMinutes(6), guard.Evaluate(MinerCommand.Sleep, T0).NotBefore);
    }

    [Fact]
    public void Observe_SwitchedBehindTheFleetsBack_CountsAsASwitchNow()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Applied(MinerCommand.Wake, T0);

        guard.Observe(MinerStatus.Sleeping, T0.AddMinutes(30));
        guard.Observe(MinerStatus.Unreachable, T0.AddMinutes(31));

        Assert.False(guard.IsOn);
        Assert.Equal(T0.AddMinutes(40), guard.Evaluate(MinerCommand.Wake, T0.AddMinutes(31)).NotBefore);
    }

    [Fact]
    public void Retry_KeepsAFailedCommandUnlessANewerOneIsKept()
    {
        var guard = new MinerDwellGuard(Times);
        guard.Retry(MinerCommand.Sleep);
        Assert.Equal(MinerCommand.Sleep, guard.Pending);

        guard.Request(MinerCommand.SetPower(2000), T0);
        guard.Applied(MinerCommand.SetPower(2000), T0);
        guard.Request(MinerCommand.SetPower(2500), T0.AddMinutes(1));
        guard.Retry(MinerCommand.Sleep);

        Assert.Equal(MinerCommand.SetPower(2500), guard.Pending);
    }

    [Theory]
    [InlineData(MinerFamilies.AntminerStock, false, 5)]
    [InlineData(MinerFamilies.BraiinsOs, false, 15)]
    [InlineData(MinerFamilies.VNish, false, 15)]
    [InlineData(MinerFamilies.WhatsminerV2, true, 30)]
    [InlineData(MinerFamilies.VNish, true, 30)]
    public void DwellTimesFor_FamilyAndRestarts_PickTheInterval(string family, bool restarts, int minutes)
    {
        var capabilities = FakeMinerFamily.Continuous with { PowerChangeRestarts = restarts };

        var times = MinerDwellTimes.For(new MinerDwellOptions(), family, capabilities);

        Assert.Equal(TimeSpan.FromMinutes(minutes), times.PowerChangeInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), times.MinimumOn);
        Assert.Equal(TimeSpan.FromMinutes(10), times.MinimumOff);
    }
}
