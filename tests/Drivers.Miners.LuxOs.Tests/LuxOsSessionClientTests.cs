using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>The session lock as the client sees it.</summary>
public sealed class LuxOsSessionClientTests
{
    [Fact]
    public async Task A_session_this_client_failed_to_close_is_reused_rather_than_reported_busy()
    {
        await using var rig = await LuxOsRig.StartAsync();
        // The logon must get through on a loaded machine and the stalled logoff is waited out once:
        // a reply bound between the two.
        var timeouts = LuxOsRig.FastTimeouts with { Reply = TimeSpan.FromSeconds(3) };
        var client = new LuxOsSessionClient(
            new CgminerRpcClient(rig.Where.Host, rig.Where.RpcPort, timeouts, TimeProvider.System), rig.Where.Host);

        // The stall swallows the logoff: the session stays open on the miner.
        var first = await client.WithSessionAsync((session, _) =>
        {
            rig.Miner.Faults.Stall = true;
            return Task.FromResult(session);
        }, CancellationToken.None);
        rig.Miner.Faults.Stall = false;
        Assert.Equal(first, rig.Miner.ActiveSession);

        var second = await client.WithSessionAsync((session, _) => Task.FromResult(session), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Null(rig.Miner.ActiveSession);
    }

    [Fact]
    public async Task A_write_with_a_stale_session_id_is_refused()
    {
        await using var rig = await LuxOsRig.StartAsync();
        var client = new LuxOsSessionClient(
            new CgminerRpcClient(rig.Where.Host, rig.Where.RpcPort, LuxOsRig.FastTimeouts, TimeProvider.System), rig.Where.Host);

        var error = await Assert.ThrowsAsync<MinerProtocolException>(
            () => client.WriteAsync("nosuch12", "curtail", "sleep", 335, CancellationToken.None));

        Assert.Contains("session", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(rig.Miner.IsCurtailed);
    }
}
