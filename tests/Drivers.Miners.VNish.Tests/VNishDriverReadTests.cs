namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>Reads, unlock and faults against the simulator.</summary>
public sealed class VNishDriverReadTests
{
    [Fact]
    public async Task A_mining_miner_reads_every_value_without_unlocking()
    {
        await using var rig = await VNishRig.StartAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(75));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        var truth = rig.Miner.Hardware.Read();
        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(Math.Round(truth.HashrateTerahash * 1000, 1) / 1000, reading.HashrateTerahash!.Value, 4);
        Assert.Equal(Math.Round(truth.PowerWatts), reading.PowerWatts);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.Equal("3250", reading.Mode);
        Assert.Equal(3250, reading.PowerLimitWatts);
        Assert.Equal(3, reading.BoardTemperatures.Count);
        Assert.Equal(Math.Round(truth.ChipTemperature), reading.ChipTemperatures[0]);
        Assert.Equal(4, reading.FanRpm.Count);
        Assert.Equal(TimeSpan.FromMinutes(75), reading.Uptime);
        Assert.Equal(0, rig.Unlocks);
    }

    [Fact]
    public async Task Capabilities_offer_only_the_tuned_presets()
    {
        await using var rig = await VNishRig.StartAsync();

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Antminer S19", capabilities.Model);
        Assert.Equal(MinerPowerControl.Tiers, capabilities.PowerControl);
        Assert.Equal(["1500", "1900", "2350", "2800", "3250"], capabilities.Tiers.Select(t => t.Name));
        Assert.Equal(1500, capabilities.MinimumPowerWatts);
        Assert.Equal(3250, capabilities.MaximumPowerWatts);
        Assert.True(capabilities.PowerChangeRestarts);
        Assert.Equal(1, rig.Unlocks);
    }

    [Fact]
    public async Task Untuned_presets_are_never_offered_as_tiers()
    {
        await using var rig = await VNishRig.StartAsync(new VNishSimulatorOptionsBuilder().OnlyOneTuned().Build());

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal(["3250"], capabilities.Tiers.Select(t => t.Name));
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error()
    {
        await using var rig = await VNishRig.StartAsync(password: "hunter2");

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.GetCapabilitiesAsync(CancellationToken.None));
        Assert.Equal(1, rig.Unlocks);
    }

    [Fact]
    public async Task Too_many_wrong_passwords_lock_unlocking()
    {
        await using var rig = await VNishRig.StartAsync();
        rig.Miner.Faults.WrongPassword = true;
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.GetCapabilitiesAsync(CancellationToken.None));
        }

        rig.Miner.Faults.WrongPassword = false;
        var locked = await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.GetCapabilitiesAsync(CancellationToken.None));
        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Contains("locked", locked.Message, StringComparison.Ordinal);
        Assert.Equal(5, capabilities.Tiers.Count);
    }

    [Fact]
    public async Task Garbage_on_every_attempt_is_a_protocol_error()
    {
        await using var rig = await VNishRig.StartAsync();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable_within_the_bounds()
    {
        await using var rig = await VNishRig.StartAsync(timeouts: VNishRig.StallTimeouts);
        rig.Miner.Faults.Stall = true;
        var started = TimeProvider.System.GetTimestamp();

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_body_cut_short_of_its_length_reads_as_unreachable()
    {
        await using var rig = await VNishRig.StartAsync(timeouts: VNishRig.StallTimeouts);
        rig.Miner.Faults.NoTerminator = true;

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.Contains("did not answer", reading.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reboot_reads_unreachable_then_starting_then_mining_and_unlocks_again()
    {
        await using var rig = await VNishRig.StartAsync();
        await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        await rig.Miner.RebootAsync();

        var down = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.RestartDuration);
        var warming = await rig.Driver.ReadAsync(CancellationToken.None);
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, down.Status);
        Assert.Equal(MinerStatus.Starting, warming.Status);
        Assert.Equal(2, rig.Unlocks);
        Assert.True(rig.Miner.IsPaused);
    }
}
