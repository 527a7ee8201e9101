namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>Pause, resume and the power target against the simulator: idempotence and read-back.</summary>
public sealed class BraiinsDriverCommandTests
{
    private const string Pause = "/api/v1/actions/pause";
    private const string Resume = "/api/v1/actions/resume";
    private const string PowerTarget = "/api/v1/performance/power-target";

    [Fact]
    public async Task Sleep_pauses_and_a_second_sleep_sends_nothing()
    {
        await using var rig = await BraiinsRig.StartAsync();

        var first = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        var second = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, first.Outcome);
        Assert.Equal(MinerStatus.Sleeping, first.Reading.Status);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, second.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("PUT", Pause));
        Assert.True(rig.Miner.IsPaused);
    }

    [Fact]
    public async Task Wake_resumes_a_paused_miner_which_then_warms_up()
    {
        await using var rig = await BraiinsRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration);
        var later = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Equal(MinerStatus.Mining, later.Status);
        Assert.Equal(1, rig.Miner.CountOf("PUT", Resume));
    }

    [Fact]
    public async Task Wake_on_a_mining_miner_sends_nothing()
    {
        await using var rig = await BraiinsRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(0, rig.Miner.CountOf("PUT", Resume));
    }

    [Fact]
    public async Task Set_power_is_confirmed_by_the_measured_power_and_not_sent_again_once_in_effect()
    {
        await using var rig = await BraiinsRig.StartAsync();

        MinerCommandResult result;
        await using (rig.Pump())
        {
            result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);
        }

        var again = await rig.Driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(2000, result.Reading.PowerLimitWatts);
        Assert.Equal("power target", result.Reading.Mode);
        Assert.InRange(result.Reading.PowerWatts!.Value, 1900, 2100);
        Assert.Equal("PUT performance/power-target 2000 W", result.Detail);
        Assert.EndsWith(" W measured", result.ConfirmedBy, StringComparison.Ordinal);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("PUT", PowerTarget));
    }

    [Fact]
    public async Task Set_power_read_back_before_the_miner_ramped_is_not_confirmed_by_the_field_alone()
    {
        // No pump: the simulated machine stands still, so its measured power stays at 3050 W though the target reads 2000.
        await using var rig = await BraiinsRig.StartAsync(timeouts: BraiinsRig.FastTimeouts with { Settle = TimeSpan.FromMilliseconds(300) });

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal(2000, result.Reading.PowerLimitWatts);
        Assert.Contains("about 2000 W measured", result.Expected, StringComparison.Ordinal);
        Assert.Contains("3050 W measured", result.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_power_below_the_constraints_is_clamped_to_the_minimum()
    {
        await using var rig = await BraiinsRig.StartAsync();

        MinerCommandResult result;
        await using (rig.Pump())
        {
            result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(400), CancellationToken.None);
        }

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(1000, rig.Miner.Hardware.Read().TargetPowerWatts);
    }

    [Fact]
    public async Task Set_power_above_the_constraints_is_the_maximum_which_is_already_in_effect()
    {
        await using var rig = await BraiinsRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(9000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(0, rig.Miner.CountOf("PUT", PowerTarget));
    }

    [Fact]
    public async Task Set_power_on_a_paused_miner_sets_the_target_and_resumes()
    {
        await using var rig = await BraiinsRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        MinerCommandResult result;
        await using (rig.Pump())
        {
            result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(2500), CancellationToken.None);
        }

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("PUT performance/power-target 2500 W; PUT actions/resume", result.Detail);
        Assert.EndsWith(" W measured", result.ConfirmedBy, StringComparison.Ordinal);
        Assert.False(rig.Miner.IsPaused);
        Assert.Equal(2500, result.Reading.PowerLimitWatts);
    }

    [Fact]
    public async Task Set_power_on_a_paused_miner_already_at_that_target_only_resumes()
    {
        await using var rig = await BraiinsRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        MinerCommandResult result;
        await using (rig.Pump())
        {
            result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(3050), CancellationToken.None);
        }

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("PUT actions/resume", result.Detail);
        Assert.Equal(0, rig.Miner.CountOf("PUT", PowerTarget));
    }

    [Fact]
    public async Task A_target_the_miner_acknowledges_but_does_not_take_is_not_applied_with_expected_and_measured()
    {
        await using var rig = await BraiinsRig.StartAsync();
        rig.Miner.Faults.IgnoreCommands = true;

        MinerCommandResult result;
        await using (rig.Pump())
        {
            result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(1800), CancellationToken.None);
        }

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("PUT", PowerTarget));
        Assert.Equal(3050, result.Reading.PowerLimitWatts);
        Assert.Equal("power target 1800 W, about 1800 W measured (±5 %)", result.Expected);
        Assert.Equal("mining, mode power target, power target 3050 W, 3050 W measured", result.Observed);
        Assert.Equal(
            "not applied: expected power target 1800 W, about 1800 W measured (±5 %); read mining, mode power target, power target 3050 W, 3050 W measured",
            result.Explain());
    }

    [Fact]
    public async Task Tiers_are_unsupported()
    {
        await using var rig = await BraiinsRig.StartAsync();

        await Assert.ThrowsAsync<MinerUnsupportedException>(() => rig.Driver.ApplyAsync(MinerCommand.SetTier("eco"), CancellationToken.None));
    }

    [Fact]
    public async Task A_command_during_a_reboot_cannot_be_delivered()
    {
        await using var rig = await BraiinsRig.StartAsync();
        await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        await rig.Miner.RebootAsync();

        await Assert.ThrowsAsync<MinerUnreachableException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));
    }
}
