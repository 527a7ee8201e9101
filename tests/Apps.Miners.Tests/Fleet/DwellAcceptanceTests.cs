using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

/// <summary>Issue 4's acceptance: contradictory commands faster than the dwell times allow reach the device only as allowed changes.</summary>
public sealed class DwellAcceptanceTests
{
    private static readonly TimeSpan MinimumOn = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinimumOff = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PowerInterval = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ContradictoryCommands_FasterThanTheDwell_DeviceSeesOnlyAllowedChanges()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];
        var script = new[]
        {
            MinerCommand.Sleep, MinerCommand.Wake, MinerCommand.SetPower(1500), MinerCommand.Sleep,
            MinerCommand.SetPower(2500), MinerCommand.Wake, MinerCommand.Sleep, MinerCommand.SetPower(2000),
        };
        var requests = 0;

        // Two hours of requests every 15 s, alternating between another app and HA's entities.
        for (var step = 0; step < 480; step++)
        {
            var command = script[step % script.Length];
            if (step % 2 == 0)
            {
                await harness.RequestAsync(command);
            }
            else
            {
                harness.Entities.Send(ToEntityCommand(command));
            }

            requests++;
            harness.Time.Advance(TimeSpan.FromSeconds(15));
        }

        var changes = driver.Changes;
        Assert.InRange(changes.Count, 2, requests / 10);
        AssertDwellKept(changes);

        // Once the requests stop, the latest one (the last in the script) is where the miner ends.
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal((true, 2000), (driver.IsOn, driver.PowerLimit));
        AssertDwellKept(driver.Changes);
        Assert.Empty(harness.Scheduler.Failures);
    }

    [Fact]
    public async Task SafetySleep_WithinTheMinimumOnTime_IsSentAtOnce_ButItsWakeWaitsOutTheDwell()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];
        await harness.RequestAsync(MinerCommand.Sleep);
        harness.Time.Advance(MinimumOff + TimeSpan.FromSeconds(30));
        Assert.True((await harness.RequestAsync(MinerCommand.Wake)).Sent);
        Assert.True(driver.IsOn);
        var changesBefore = driver.Changes.Count;

        // Another app's sleep one minute into the minimum on-time is deferred; the safety app's (an overloaded fuse) is not.
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var heating = await harness.Fleet.RequestAsync("m1", MinerCommand.Sleep, "heating", "plan", CancellationToken.None);
        Assert.Equal(MinerDwellVerdict.Deferred, heating.Decision.Verdict);
        var safety = await harness.Fleet.RequestAsync("m1", MinerCommand.Sleep, MinerFleet.SafetyRequester, "main fuse overloaded", CancellationToken.None);
        Assert.True(safety.Sent);
        Assert.False(driver.IsOn);
        Assert.Equal(changesBefore + 1, driver.Changes.Count);

        // Its wake right after is held for the minimum off time, like anyone's.
        var wake = await harness.Fleet.RequestAsync("m1", MinerCommand.Wake, MinerFleet.SafetyRequester, "load back under the limit", CancellationToken.None);
        Assert.Equal(MinerDwellVerdict.Deferred, wake.Decision.Verdict);
        Assert.False(driver.IsOn);
    }

    [Fact]
    public async Task DeferredRequest_IsSentAtItsTime_AndTheLatestWins()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        var slept = await harness.RequestAsync(MinerCommand.Sleep);
        var wake = await harness.RequestAsync(MinerCommand.Wake);
        var power = await harness.RequestAsync(MinerCommand.SetPower(2000));
        var lower = await harness.RequestAsync(MinerCommand.SetPower(1500));

        Assert.True(slept.Sent);
        Assert.Equal(MinerDwellVerdict.Deferred, wake.Decision.Verdict);
        Assert.Equal(harness.Time.GetUtcNow() + MinimumOff, lower.Decision.NotBefore);
        Assert.Single(driver.Changes);

        harness.Time.Advance(MinimumOff - TimeSpan.FromSeconds(11));
        Assert.Single(driver.Changes);
        harness.Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal([MinerCommand.Sleep, MinerCommand.SetPower(1500)], driver.Changes.Select(c => c.Command));
        Assert.True(driver.IsOn);
        Assert.Equal(MinerDwellVerdict.Deferred, power.Decision.Verdict);
    }

    [Fact]
    public async Task RetuningFirmware_WaitsFifteenMinutesBetweenTargets()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous, MinerFamilies.BraiinsOs);
        harness.StartApp();

        await harness.RequestAsync(MinerCommand.SetPower(2000));
        var next = await harness.RequestAsync(MinerCommand.SetPower(2500));

        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(15), next.Decision.NotBefore);
    }

    [Fact]
    public async Task RestartingPowerChange_WaitsThirtyMinutes()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous with { PowerChangeRestarts = true }, MinerFamilies.WhatsminerV2);
        harness.StartApp();

        await harness.RequestAsync(MinerCommand.SetPower(2000));
        var next = await harness.RequestAsync(MinerCommand.SetPower(2500));

        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(30), next.Decision.NotBefore);
    }

    private static MinerEntityCommand ToEntityCommand(MinerCommand command) => command.Kind switch
    {
        MinerCommandKind.Sleep => new MinerEntityCommand("m1", MinerEntityCommandKind.Active, On: false),
        MinerCommandKind.Wake => new MinerEntityCommand("m1", MinerEntityCommandKind.Active, On: true),
        _ => new MinerEntityCommand("m1", MinerEntityCommandKind.PowerLimit, Watts: command.Watts),
    };

    /// <summary>Replays the device's changes: on/off switches and power targets must keep their spacing.</summary>
    private static void AssertDwellKept(IReadOnlyList<(DateTimeOffset At, MinerCommand Command)> changes)
    {
        var on = true;
        int? watts = 3000;
        (DateTimeOffset At, bool On)? lastSwitch = null;
        DateTimeOffset? lastPower = null;
        foreach (var (at, command) in changes)
        {
            var nowOn = command.Kind != MinerCommandKind.Sleep;
            if (nowOn != on)
            {
                if (lastSwitch is { } previous)
                {
                    Assert.True(at - previous.At >= (previous.On ? MinimumOn : MinimumOff), $"switch at {at} only {at - previous.At} after {previous}");
                }

                lastSwitch = (at, nowOn);
                on = nowOn;
            }

            if (command.Watts is { } target && target != watts)
            {
                Assert.True(lastPower is not { } p || at - p >= PowerInterval, $"power change at {at} only {at - lastPower} after the last");
                lastPower = at;
                watts = target;
            }
        }
    }
}
