using System.Diagnostics;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>The driver against a misbehaving Avalon: refused writes, stall, garbage, missing NUL, restarts.</summary>
public sealed class AvalonDriverFaultTests
{
    [Fact]
    public async Task Writes_refused_by_the_api_allow_list_are_an_authentication_error_without_retries()
    {
        await using var rig = await AvalonRig.StartAsync(new() { PrivilegedAccess = false });

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.ApplyAsync(MinerCommand.SetTier("high"), CancellationToken.None));

        Assert.Equal(1, rig.AscSets);
        Assert.Equal(1, rig.Miner.WorkLevel);
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable_within_the_bounds()
    {
        await using var rig = await AvalonRig.StartAsync(timeouts: AvalonRig.StallTimeouts);
        rig.Miner.Faults.Stall = true;
        var watch = Stopwatch.StartNew();

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Garbage_is_a_protocol_error_after_the_retry()
    {
        await using var rig = await AvalonRig.StartAsync();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_reply_without_its_nul_is_still_read()
    {
        await using var rig = await AvalonRig.StartAsync(timeouts: AvalonRig.StallTimeouts);
        rig.Miner.Faults.NoTerminator = true;

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal("mid", reading.Mode);
    }

    [Fact]
    public async Task A_restarting_miner_reads_as_unreachable_then_starting_then_mining()
    {
        await using var rig = await AvalonRig.StartAsync();
        rig.Miner.Hardware.Restart();
        var spec = rig.Miner.Hardware.Spec;

        var during = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(spec.RestartDuration + TimeSpan.FromSeconds(1));
        var warming = await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(spec.WarmUpDuration + TimeSpan.FromMinutes(1));
        var after = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, during.Status);
        Assert.Equal(MinerStatus.Starting, warming.Status);
        Assert.Equal(MinerStatus.Mining, after.Status);
    }

    [Fact]
    public async Task A_command_to_a_restarting_miner_fails_as_unreachable_and_sends_nothing()
    {
        await using var rig = await AvalonRig.StartAsync();
        await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        rig.Miner.Hardware.Restart();

        await Assert.ThrowsAsync<MinerUnreachableException>(() => rig.Driver.ApplyAsync(MinerCommand.SetTier("high"), CancellationToken.None));

        Assert.Equal(0, rig.AscSets);
    }

    [Fact]
    public async Task A_reply_cut_off_half_way_is_a_protocol_error_not_a_reading_without_temperatures()
    {
        await using var rig = await AvalonRig.StartAsync();
        var whole = await rig.Driver.ReadAsync(CancellationToken.None);
        Assert.NotNull(whole.MaximumTemperature);
        rig.Miner.Faults.CutReply = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }
}
