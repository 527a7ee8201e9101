using ProofOfHeat.Drivers.HeatSources.SgReady;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.SgReady;

/// <summary>What the heat pump sees while the SG-Ready driver switches, and the dwell it keeps.</summary>
public sealed class SgReadyDriverTests
{
    [Fact]
    public async Task EveryStateToEveryState_ThePumpNeverSeesBlockedOrForcedOnTheWay()
    {
        await using var rig = await SgReadyContractRig.StartAsync();
        var order = new[] { SgReadyState.Forced, SgReadyState.Normal, SgReadyState.Blocked, SgReadyState.Recommended, SgReadyState.Blocked, SgReadyState.Forced, SgReadyState.Recommended, SgReadyState.Normal };

        foreach (var state in order)
        {
            rig.Clock.Advance(TimeSpan.FromMinutes(10));
            var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetLevel(SgReadyDriver.LevelName(state)), CancellationToken.None));
            Assert.Equal(HeatSourceCommandOutcome.Applied, result.Outcome);
        }

        // The pump saw exactly the planned path, one relay at a time, and every stop that was not a target was advisory.
        var expected = new List<(bool, bool)> { (false, false) };
        var at = new SgReadyContacts(false, false);
        foreach (var state in order)
        {
            var steps = SgReadySwitchPlan.Steps(at, state);
            Assert.All(steps.Take(steps.Count - 1), stop => Assert.True(SgReadySwitchPlan.IsSafeStop(stop), $"{at} → {state} stops at {stop}"));
            expected.AddRange(steps.Select(c => (c.Contact1, c.Contact2)));
            at = SgReadyContacts.For(state);
        }

        Assert.Equal(expected, rig.Simulator.Seen);
        Assert.True(rig.Simulator.LevelWatts > 0);
    }

    [Fact]
    public async Task BlockedToRecommended_GoesThroughNormal_NotForced()
    {
        await using var rig = await SgReadyContractRig.StartAsync();
        await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetLevel("blocked"), CancellationToken.None));
        rig.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetLevel("recommended"), CancellationToken.None));

        Assert.Equal(HeatSourceCommandOutcome.Applied, result.Outcome);
        Assert.Equal([(false, false), (true, false), (false, false), (false, true)], rig.Simulator.Seen);
        Assert.DoesNotContain((true, true), rig.Simulator.Seen);
    }

    [Fact]
    public async Task ASecondChangeWithinTheDwell_IsRefused()
    {
        await using var rig = await SgReadyContractRig.StartAsync();
        await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetLevel("recommended"), CancellationToken.None));

        var tooSoon = await rig.Driver.ApplyAsync(HeatSourceCommand.SetLevel("forced"), CancellationToken.None);

        Assert.Equal(HeatSourceCommandOutcome.Refused, tooSoon.Outcome);
        Assert.Contains("minimum level dwell", tooSoon.Reason, StringComparison.Ordinal);
    }
}
