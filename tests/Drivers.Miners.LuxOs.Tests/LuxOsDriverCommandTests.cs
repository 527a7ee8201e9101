using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>Sleep, wake and profiles against the simulator: sessions, ATM, idempotence and read-back.</summary>
public sealed class LuxOsDriverCommandTests
{
    [Fact]
    public async Task Sleep_curtails_inside_a_session_that_is_closed_afterwards()
    {
        await using var rig = await LuxOsRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Sleeping, result.Reading.Status);
        Assert.True(rig.Miner.IsCurtailed);
        Assert.Null(rig.Miner.ActiveSession);
        Assert.Equal(["logon", "curtail", "logoff"], rig.Miner.ReceivedCommands.Where(IsSessionOrWrite));
    }

    [Fact]
    public async Task Sleep_when_already_curtailed_sends_nothing()
    {
        await using var rig = await LuxOsRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        var writesBefore = rig.Miner.ReceivedCommands.Count(IsSessionOrWrite);

        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(writesBefore, rig.Miner.ReceivedCommands.Count(IsSessionOrWrite));
    }

    [Fact]
    public async Task Wake_ends_curtailment_and_the_miner_ramps_up()
    {
        await using var rig = await LuxOsRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration);
        var later = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.False(rig.Miner.IsCurtailed);
        Assert.Equal(MinerStatus.Mining, later.Status);
    }

    [Fact]
    public async Task Wake_on_a_mining_miner_sends_nothing()
    {
        await using var rig = await LuxOsRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.DoesNotContain("logon", rig.Miner.ReceivedCommands);
    }

    [Fact]
    public async Task Set_power_picks_the_highest_profile_below_and_turns_atm_off_around_profileset()
    {
        await using var rig = await LuxOsRig.StartAsync();
        var expected = rig.Miner.Profiles.Where(p => p.Watts <= 2500).MaxBy(p => p.Watts)!;

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(2500), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(expected.Name, rig.Miner.Profile);
        Assert.Equal(expected.Name, result.Reading.Mode);
        Assert.Equal(expected.Watts, result.Reading.PowerLimitWatts);
        Assert.True(rig.Miner.AtmEnabled);
        Assert.Equal(["logon", "atmset", "profileset", "atmset", "logoff"], rig.Miner.ReceivedCommands.Where(IsSessionOrWrite));
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(expected.Watts, rig.Miner.Hardware.Read().PowerWatts, 0);
    }

    [Fact]
    public async Task Set_tier_that_is_in_effect_sends_nothing()
    {
        await using var rig = await LuxOsRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier("DEFAULT"), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.DoesNotContain("logon", rig.Miner.ReceivedCommands);
    }

    [Fact]
    public async Task Set_tier_on_a_curtailed_miner_sets_the_profile_and_wakes_it()
    {
        await using var rig = await LuxOsRig.StartAsync();
        rig.Miner.AtmEnabled = false;
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier("445MHz"), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.False(rig.Miner.IsCurtailed);
        Assert.Equal("445MHz", rig.Miner.Profile);
        Assert.DoesNotContain("atmset", rig.Miner.ReceivedCommands);
        Assert.Equal("profileset 445MHz; curtail wakeup", result.Detail);
    }

    [Fact]
    public async Task An_unknown_tier_is_unsupported_and_sends_nothing()
    {
        await using var rig = await LuxOsRig.StartAsync();

        await Assert.ThrowsAsync<MinerUnsupportedException>(() => rig.Driver.ApplyAsync(MinerCommand.SetTier("turbo"), CancellationToken.None));
        Assert.DoesNotContain("logon", rig.Miner.ReceivedCommands);
    }

    [Fact]
    public async Task A_session_held_by_another_client_makes_commands_busy_but_reads_still_work()
    {
        await using var rig = await LuxOsRig.StartAsync();
        rig.Miner.Faults.SessionBusy = true;

        await Assert.ThrowsAsync<MinerBusyException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));
        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.False(rig.Miner.IsCurtailed);
        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.DoesNotContain("curtail", rig.Miner.ReceivedCommands);
    }

    [Fact]
    public async Task Another_clients_session_blocks_until_it_expires_after_a_minute()
    {
        await using var rig = await LuxOsRig.StartAsync();
        var other = new CgminerRpcClient(rig.Where.Host, rig.Where.RpcPort, LuxOsRig.FastTimeouts, TimeProvider.System);
        var held = await other.CommandAsync("logon", null, CancellationToken.None);
        Assert.Equal(316, held.Code);

        await Assert.ThrowsAsync<MinerBusyException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));
        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.True(rig.Miner.IsCurtailed);
    }

    [Fact]
    public async Task A_curtailed_miner_stays_asleep_through_a_reboot()
    {
        await using var rig = await LuxOsRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        rig.Miner.Hardware.Restart();

        var down = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, down.Status);
        Assert.Equal(MinerStatus.Sleeping, after.Status);
    }

    [Fact]
    public async Task A_profile_change_the_miner_acknowledges_but_does_not_show_is_not_applied()
    {
        await using var rig = await LuxOsRig.StartAsync();
        rig.Miner.IgnoreProfileChanges = true;

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier("420MHz"), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal("default", result.Reading.Mode);
        Assert.Equal("mode 420MHz", result.Expected);
    }

    private static bool IsSessionOrWrite(string command) =>
        command is "logon" or "logoff" or "session" or "curtail" or "profileset" or "atmset";
}
