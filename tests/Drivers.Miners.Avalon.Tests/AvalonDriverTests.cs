using System.Globalization;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>Reading and commanding a simulated original Nano 3: work levels, soft off/on on the miner's clock, idempotence.</summary>
public sealed class AvalonDriverTests
{
    [Fact]
    public async Task A_mining_original_Nano3_reads_its_level_limit_as_estimated_power_temperatures_and_fan()
    {
        await using var rig = await AvalonRig.StartAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(PowerReadingSource.Estimated, reading.PowerSource);
        Assert.Equal(90, reading.PowerWatts!.Value, 0);
        Assert.Equal(90, reading.PowerLimitWatts);
        Assert.Equal("mid", reading.Mode);
        Assert.InRange(reading.HashrateTerahash!.Value, 2, 3.5);
        Assert.Single(reading.ChipTemperatures);
        Assert.Single(reading.BoardTemperatures);
        Assert.Single(reading.FanRpm);
        Assert.NotNull(reading.Uptime);
        Assert.Equal(20, reading.InletTemperature);
        Assert.Null(reading.OutletTemperature);
        Assert.Equal(["version", "stats"], rig.Miner.Received);
    }

    [Fact]
    public async Task Capabilities_offer_three_levels_and_sleep()
    {
        await using var rig = await AvalonRig.StartAsync();

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Avalon Nano 3", capabilities.Model);
        Assert.True(capabilities.CanSleep);
        Assert.False(capabilities.ReportsPower);
        Assert.Null(capabilities.PowerTolerance);
        Assert.False(capabilities.PowerChangeRestarts);
        Assert.Equal(["low", "mid", "high"], capabilities.Tiers.Select(t => t.Name));
        Assert.Equal([60, 90, 125], capabilities.Tiers.Select(t => t.Watts));
    }

    [Fact]
    public async Task An_original_Nano3_rejects_workmode_and_takes_the_work_level_through_the_fallback_once_learned()
    {
        await using var rig = await AvalonRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(130), CancellationToken.None);
        var back = await rig.Driver.ApplyAsync(MinerCommand.SetTier("low"), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("high", result.Reading.Mode);
        Assert.Equal(125, result.Reading.PowerLimitWatts);
        Assert.Equal("ascset 0,worklevel,set,2", result.Detail);
        Assert.Equal("the reported state only: this miner measures no power", result.ConfirmedBy);
        Assert.Equal(MinerCommandOutcome.Applied, back.Outcome);
        Assert.Equal(
            ["ascset 0,workmode,set,2", "ascset 0,worklevel,set,2", "ascset 0,worklevel,set,0"],
            rig.Miner.Received.Where(r => r.StartsWith("ascset", StringComparison.Ordinal)));
        Assert.Equal(0, rig.Miner.WorkLevel);
        Assert.Equal(60, rig.Miner.Hardware.Read().PowerWatts, 0);
    }

    [Fact]
    public async Task A_level_already_in_effect_sends_nothing()
    {
        await using var rig = await AvalonRig.StartAsync();

        var byPower = await rig.Driver.ApplyAsync(MinerCommand.SetPower(100), CancellationToken.None);
        var byName = await rig.Driver.ApplyAsync(MinerCommand.SetTier("mid"), CancellationToken.None);
        var wake = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, byPower.Outcome);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, byName.Outcome);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, wake.Outcome);
        Assert.Equal(0, rig.AscSets);
    }

    [Fact]
    public async Task Sleep_schedules_softoff_on_the_miners_own_clock_and_is_verified_when_it_takes_effect()
    {
        await using var rig = await AvalonRig.StartAsync();
        var minerClock = rig.Miner.MinerClock;

        var apply = rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        await rig.UntilAscSetsAsync(1);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        var result = await apply;

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Sleeping, result.Reading.Status);
        Assert.True(rig.Miner.SoftOff);
        var sent = Assert.Single(rig.Miner.Received, r => r.StartsWith("ascset", StringComparison.Ordinal));
        Assert.Equal($"ascset 0,softoff,1:{(minerClock + 5).ToString(CultureInfo.InvariantCulture)}", sent);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(MinerPhase.Sleeping, rig.Miner.Hardware.Read().Phase);
        Assert.True(rig.Miner.Hardware.Read().PowerWatts < 10);
    }

    [Fact]
    public async Task Sleep_on_a_sleeping_miner_sends_nothing()
    {
        await using var rig = await AvalonRig.StartAsync();
        var apply = rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        await rig.UntilAscSetsAsync(1);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        await apply;

        var again = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(1, rig.AscSets);
    }

    [Fact]
    public async Task A_softoff_that_does_not_take_effect_in_time_is_not_applied()
    {
        await using var rig = await AvalonRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal(MinerStatus.Mining, result.Reading.Status);
        Assert.Equal("sleeping", result.Expected);
        Assert.StartsWith("mining, mode mid", result.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wake_sends_softon_and_the_miner_warms_up_to_mining()
    {
        await using var rig = await AvalonRig.StartAsync();
        var sleep = rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        await rig.UntilAscSetsAsync(1);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        await sleep;

        var wake = rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        await rig.UntilAscSetsAsync(2);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        var result = await wake;
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration + TimeSpan.FromMinutes(1));
        var later = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Contains(rig.Miner.Received, r => r.StartsWith("ascset 0,softon,1:", StringComparison.Ordinal));
        Assert.Equal(MinerStatus.Mining, later.Status);
    }

    [Fact]
    public async Task A_level_asked_of_a_sleeping_miner_sets_it_and_wakes_the_miner()
    {
        await using var rig = await AvalonRig.StartAsync();
        var sleep = rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        await rig.UntilAscSetsAsync(1);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        await sleep;

        var apply = rig.Driver.ApplyAsync(MinerCommand.SetTier("low"), CancellationToken.None);
        await rig.UntilAscSetsAsync(4);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        var result = await apply;

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("low", result.Reading.Mode);
        Assert.NotEqual(MinerStatus.Sleeping, result.Reading.Status);
        Assert.Equal(0, rig.Miner.WorkLevel);
    }

}
