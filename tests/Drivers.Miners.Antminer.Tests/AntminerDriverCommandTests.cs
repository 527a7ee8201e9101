using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>Sleep, wake and modes through <c>set_miner_conf.cgi</c>: idempotence, read-back, the remembered mode.</summary>
public sealed class AntminerDriverCommandTests
{
    [Fact]
    public async Task Sleep_writes_miner_mode_1_and_reads_it_back()
    {
        await using var rig = await AntminerRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Sleeping, result.Reading.Status);
        Assert.Equal(AntminerModeNames.Sleep, result.Reading.Mode);
        Assert.Equal(1, rig.Miner.WorkMode);
        Assert.Equal(1, rig.Writes);
        Assert.Equal(MinerPhase.Sleeping, rig.Miner.Hardware.Read().Phase);
    }

    [Fact]
    public async Task Sleep_on_a_sleeping_miner_sends_nothing()
    {
        await using var rig = await AntminerRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(1, rig.Writes);
    }

    [Fact]
    public async Task The_write_keeps_the_pools()
    {
        await using var rig = await AntminerRig.StartAsync();
        var pools = rig.Miner.Pools;

        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(pools, rig.Miner.Pools);
    }

    [Fact]
    public async Task Wake_restarts_bmminer_reads_as_starting_then_mining()
    {
        await using var rig = await AntminerRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        var spec = rig.Miner.Hardware.Spec;
        rig.Clock.Advance(spec.RestartDuration + spec.WarmUpDuration + TimeSpan.FromMinutes(2));
        var later = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Equal(AntminerModeNames.Normal, result.Reading.Mode);
        Assert.Contains(result.Reading.Errors, e => e.StartsWith("bmminer RPC", StringComparison.Ordinal));
        Assert.Equal(MinerStatus.Mining, later.Status);
        Assert.Equal(3250, rig.Miner.Hardware.Read().PowerWatts, 0);
    }

    [Fact]
    public async Task Wake_returns_to_the_mode_the_miner_ran_in_before_sleeping()
    {
        await using var rig = await AntminerRig.StartAsync(new() { InitialWorkMode = 3 });
        await rig.Driver.ReadAsync(CancellationToken.None);
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(3, rig.Miner.WorkMode);
        Assert.Equal(AntminerWorkMode.LowPower, rig.Driver.WakeMode);
    }

    [Fact]
    public async Task Set_power_picks_the_highest_mode_not_above_it()
    {
        await using var rig = await AntminerRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(2500), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(AntminerModeNames.LowPower, result.Reading.Mode);
        Assert.Equal(3, rig.Miner.WorkMode);
        Assert.Equal(rig.Miner.Options.LowPowerWatts, rig.Miner.Hardware.Read().PowerWatts, 0);
    }

    [Fact]
    public async Task Set_tier_already_in_effect_sends_nothing()
    {
        await using var rig = await AntminerRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier(AntminerModeNames.Normal), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(0, rig.Writes);
        Assert.DoesNotContain(rig.Miner.Received, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mode_the_model_lacks_is_unsupported_and_nothing_is_sent()
    {
        await using var rig = await AntminerRig.StartAsync();

        await Assert.ThrowsAsync<MinerUnsupportedException>(
            () => rig.Driver.ApplyAsync(MinerCommand.SetTier(AntminerModeNames.HighEfficiency), CancellationToken.None));
        Assert.Equal(0, rig.Writes);
    }

    [Fact]
    public async Task High_efficiency_mode_is_offered_on_models_that_have_it()
    {
        await using var rig = await AntminerRig.StartAsync(new()
        {
            Hardware = new() { Model = "Antminer S21", NominalPowerWatts = 3500, MinimumPowerWatts = 2000, JoulesPerTerahash = 17.5 },
            LowPowerWatts = 2600,
            HighEfficiencyWatts = 3100,
        });

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier(AntminerModeNames.HighEfficiency), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(2, rig.Miner.WorkMode);
    }

    [Fact]
    public async Task A_write_the_firmware_acknowledges_but_ignores_is_not_applied()
    {
        await using var rig = await AntminerRig.StartAsync(new() { AcknowledgeWithoutApplying = true });

        var result = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal(AntminerModeNames.Normal, result.Reading.Mode);
        Assert.Equal(1, rig.Writes);
    }
}
