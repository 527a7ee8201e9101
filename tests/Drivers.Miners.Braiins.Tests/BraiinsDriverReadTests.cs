using ProofOfHeat.Sim.Miners.Braiins;

namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>Reads, login and faults against the simulator.</summary>
public sealed class BraiinsDriverReadTests
{
    [Fact]
    public async Task A_mining_miner_reads_every_value()
    {
        await using var rig = await BraiinsRig.StartAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(10));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        var truth = rig.Miner.Hardware.Read();
        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(truth.HashrateTerahash, reading.HashrateTerahash!.Value, 2);
        Assert.Equal(Math.Round(truth.PowerWatts), reading.PowerWatts);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.Equal(3050, reading.PowerLimitWatts);
        Assert.Equal("power target", reading.Mode);
        Assert.Equal(3, reading.BoardTemperatures.Count);
        Assert.Equal(Math.Round(truth.ChipTemperature, 1), reading.ChipTemperatures[0]);
        Assert.Equal(4, reading.FanRpm.Count);
        Assert.Equal(TimeSpan.FromMinutes(10), reading.Uptime);
        Assert.Empty(reading.Errors);
    }

    [Fact]
    public async Task Capabilities_come_from_the_details_and_the_constraints()
    {
        await using var rig = await BraiinsRig.StartAsync();

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Antminer S19j Pro", capabilities.Model);
        Assert.Equal(MinerPowerControl.Continuous, capabilities.PowerControl);
        Assert.Equal(1000, capabilities.MinimumPowerWatts);
        Assert.Equal(3050, capabilities.MaximumPowerWatts);
        Assert.True(capabilities.CanSleep);
        Assert.True(capabilities.ReportsPower);
    }

    [Fact]
    public async Task The_token_is_reused_and_renewed_once_the_miner_forgets_it()
    {
        await using var rig = await BraiinsRig.StartAsync();
        await rig.Driver.ReadAsync(CancellationToken.None);
        await rig.Driver.ReadAsync(CancellationToken.None);
        Assert.Equal(1, rig.Logins);

        rig.Clock.Advance(TimeSpan.FromHours(2));
        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(2, rig.Logins);
    }

    [Fact]
    public async Task A_refused_password_is_an_authentication_error_tried_once()
    {
        await using var rig = await BraiinsRig.StartAsync(password: "not-the-password");

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.ReadAsync(CancellationToken.None));
        Assert.Equal(1, rig.Logins);
    }

    [Fact]
    public async Task Without_a_configured_password_the_default_and_then_none_are_tried()
    {
        await using var rig = await BraiinsRig.StartAsync(new BraiinsSimulatorOptions { Password = "" });

        var first = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromHours(2));
        var second = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, first.Status);
        Assert.Equal(MinerStatus.Mining, second.Status);
        Assert.Equal(3, rig.Logins);
    }

    [Fact]
    public async Task A_changed_password_is_an_authentication_error()
    {
        await using var rig = await BraiinsRig.StartAsync();
        rig.Miner.Faults.WrongPassword = true;

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Garbage_on_every_attempt_is_a_protocol_error()
    {
        await using var rig = await BraiinsRig.StartAsync();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable_within_the_bounds()
    {
        await using var rig = await BraiinsRig.StartAsync(timeouts: BraiinsRig.StallTimeouts);
        rig.Miner.Faults.Stall = true;
        var started = TimeProvider.System.GetTimestamp();

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_body_cut_short_of_its_length_reads_as_unreachable()
    {
        await using var rig = await BraiinsRig.StartAsync(timeouts: BraiinsRig.StallTimeouts);
        await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Miner.Faults.NoTerminator = true;

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.Contains("did not answer", reading.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bosminer_restart_reads_as_starting_until_it_is_back()
    {
        await using var rig = await BraiinsRig.StartAsync();
        rig.Miner.RestartBosminer();

        var restarting = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.RestartDuration);
        var warming = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration);
        var mining = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Starting, restarting.Status);
        Assert.Contains("not running", restarting.Errors[0], StringComparison.Ordinal);
        Assert.Equal(MinerStatus.Starting, warming.Status);
        Assert.Equal(MinerStatus.Mining, mining.Status);
    }

    [Fact]
    public async Task A_reboot_reads_unreachable_then_logs_in_again()
    {
        await using var rig = await BraiinsRig.StartAsync();
        await rig.Driver.ReadAsync(CancellationToken.None);
        await rig.Miner.RebootAsync();

        var down = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var back = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, down.Status);
        Assert.Equal(MinerStatus.Mining, back.Status);
        Assert.Equal(2, rig.Logins);
    }

    [Fact]
    public async Task A_reply_cut_off_half_way_is_a_protocol_error_not_a_reading_without_temperatures()
    {
        await using var rig = await BraiinsRig.StartAsync();
        var whole = await rig.Driver.ReadAsync(CancellationToken.None);
        Assert.NotNull(whole.MaximumTemperature);
        // Framed as complete (its Content-Length matches), so only the JSON itself shows the cut.
        rig.Miner.Faults.CutReply = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }
}
