using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>Reads and capabilities against the simulator, and how faults show.</summary>
public sealed class LuxOsDriverReadTests
{
    [Fact]
    public async Task A_mining_miner_reads_every_value()
    {
        await using var rig = await LuxOsRig.StartAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(10));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        var truth = rig.Miner.Hardware.Read();
        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(truth.HashrateTerahash, reading.HashrateTerahash!.Value, 2);
        Assert.Equal(Math.Round(truth.PowerWatts), reading.PowerWatts);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.Equal("default", reading.Mode);
        Assert.Equal(3, reading.BoardTemperatures.Count);
        Assert.Equal(3, reading.ChipTemperatures.Count);
        Assert.Equal(Math.Round(truth.ChipTemperature), reading.ChipTemperatures[0]);
        Assert.Equal(4, reading.FanRpm.Count);
        Assert.Equal(TimeSpan.FromMinutes(10), reading.Uptime);
        Assert.Empty(reading.Errors);
    }

    [Fact]
    public async Task Capabilities_list_the_profiles_as_tiers_lowest_first()
    {
        await using var rig = await LuxOsRig.StartAsync();

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Antminer S19j Pro", capabilities.Model);
        Assert.Equal(MinerPowerControl.Tiers, capabilities.PowerControl);
        Assert.Equal(rig.Miner.Profiles.Select(p => p.Name), capabilities.Tiers.Select(t => t.Name));
        Assert.Equal("default", capabilities.Tiers[^1].Name);
        Assert.Equal(3050, capabilities.MaximumPowerWatts);
        Assert.True(capabilities.CanSleep);
        Assert.False(capabilities.PowerChangeRestarts);
    }

    [Fact]
    public async Task Reading_after_capabilities_carries_the_profile_power_as_the_limit()
    {
        await using var rig = await LuxOsRig.StartAsync();
        await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(3050, reading.PowerLimitWatts);
    }

    [Fact]
    public async Task Garbage_on_every_attempt_is_a_protocol_error()
    {
        await using var rig = await LuxOsRig.StartAsync();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable_within_the_bounds()
    {
        await using var rig = await LuxOsRig.StartAsync(timeouts: LuxOsRig.StallTimeouts);
        rig.Miner.Faults.Stall = true;
        var started = TimeProvider.System.GetTimestamp();

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.Contains("no reply", reading.Errors[0], StringComparison.OrdinalIgnoreCase);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_reply_without_its_NUL_is_still_read_once_the_reply_time_is_up()
    {
        await using var rig = await LuxOsRig.StartAsync(timeouts: LuxOsRig.StallTimeouts);
        rig.Miner.Faults.NoTerminator = true;

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal("default", reading.Mode);
    }

    [Fact]
    public async Task A_reboot_reads_unreachable_then_starting_then_mining()
    {
        await using var rig = await LuxOsRig.StartAsync();
        rig.Miner.Hardware.Restart();

        var down = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.RestartDuration);
        var warming = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration);
        var back = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, down.Status);
        Assert.Equal(MinerStatus.Starting, warming.Status);
        Assert.Equal(MinerStatus.Mining, back.Status);
    }

    [Fact]
    public async Task Unknown_commands_are_refused_by_the_simulator_with_code_14()
    {
        await using var rig = await LuxOsRig.StartAsync();
        var rpc = new CgminerRpcClient(rig.Where.Host, rig.Where.RpcPort, LuxOsRig.FastTimeouts, TimeProvider.System);

        var reply = await rpc.CommandAsync("frobnicate", null, CancellationToken.None);

        Assert.False(reply.IsSuccess);
        Assert.Equal(14, reply.Code);
        Assert.StartsWith("LUXminer", reply.Description, StringComparison.Ordinal);
    }
}
