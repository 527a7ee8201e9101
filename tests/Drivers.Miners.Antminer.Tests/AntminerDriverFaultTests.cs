using System.Diagnostics;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>The driver against a misbehaving simulator: wrong password, stall, garbage, cut replies, reboots.</summary>
public sealed class AntminerDriverFaultTests
{
    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_after_one_challenge_and_no_retries()
    {
        await using var rig = await AntminerRig.StartAsync(password: "not-root");

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.ReadAsync(CancellationToken.None));

        Assert.Equal(2, rig.Miner.CountOf("GET /cgi-bin/get_miner_conf.cgi 401"));
        Assert.Equal(2, rig.Miner.Received.Count);
    }

    [Fact]
    public async Task A_changed_password_refuses_commands_and_nothing_is_written()
    {
        await using var rig = await AntminerRig.StartAsync();
        await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Miner.Faults.WrongPassword = true;

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(0, rig.Miner.WorkMode);
        Assert.Equal(0, rig.Writes);
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable_within_the_bounds()
    {
        await using var rig = await AntminerRig.StartAsync(timeouts: AntminerRig.StallTimeouts);
        await rig.WarmUpAsync();
        rig.Miner.Faults.Stall = true;
        var watch = Stopwatch.StartNew();

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.NotEmpty(reading.Errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Garbage_is_a_protocol_error_after_the_retry()
    {
        await using var rig = await AntminerRig.StartAsync();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Rpc_replies_without_their_nul_are_still_read_and_a_cut_web_body_is_reported()
    {
        await using var rig = await AntminerRig.StartAsync(timeouts: AntminerRig.StallTimeouts);
        await rig.WarmUpAsync();
        rig.Miner.Faults.NoTerminator = true;

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.True(reading.HashrateTerahash > 100);
        Assert.Null(reading.Mode);
        Assert.Contains(reading.Errors, e => e.StartsWith("web API", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rebooting_miner_reads_as_unreachable_then_comes_back()
    {
        await using var rig = await AntminerRig.StartAsync();
        await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Miner.Reboot();

        var during = await rig.Driver.ReadAsync(CancellationToken.None);
        var spec = rig.Miner.Hardware.Spec;
        rig.Clock.Advance(spec.RestartDuration + spec.WarmUpDuration + TimeSpan.FromMinutes(2));
        var after = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, during.Status);
        Assert.Equal(MinerStatus.Mining, after.Status);
    }

    [Fact]
    public async Task A_command_to_a_rebooting_miner_fails_as_unreachable_and_writes_nothing()
    {
        await using var rig = await AntminerRig.StartAsync();
        rig.Miner.Reboot();

        await Assert.ThrowsAsync<MinerUnreachableException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(0, rig.Writes);
    }
}
