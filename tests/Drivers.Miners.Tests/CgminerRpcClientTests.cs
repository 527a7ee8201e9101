using ProofOfHeat.Drivers.Miners.Rpc;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.Drivers.Miners.Tests;

public sealed class CgminerRpcClientTests
{
    private const string Version = "{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":22,\"Msg\":\"CGMiner versions\",\"Description\":\"cgminer 4.11.1\"}],\"VERSION\":[{\"CGMiner\":\"4.11.1\"}],\"id\":1}";
    // A test that gets its reply never waits out a bound, so the healthy bounds are generous for a cold
    // process on a loaded machine; the short reply time is only for the tests that wait it out on purpose.
    private static readonly MinerTimeouts Healthy = new() { Connect = TimeSpan.FromSeconds(10), Reply = TimeSpan.FromSeconds(10) };
    private static readonly MinerTimeouts Quick = Healthy with { Reply = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Sends_the_json_command_and_reads_the_reply_up_to_its_nul()
    {
        string? seen = null;
        await using var server = new SimRpcServer(request => { seen = request; return Version; }, new MinerFaults());
        var client = new CgminerRpcClient("127.0.0.1", server.Port, Healthy, TimeProvider.System);

        var reply = await client.CommandAsync("ascset", "0,worklevel,set,1", CancellationToken.None);

        Assert.Equal("{\"command\":\"ascset\",\"parameter\":\"0,worklevel,set,1\"}", seen);
        Assert.Equal("cgminer 4.11.1", reply.Description);
    }

    [Fact]
    public async Task A_complete_reply_without_its_nul_is_taken_when_the_reply_time_ends()
    {
        await using var server = new SimRpcServer(_ => Version, new MinerFaults { NoTerminator = true });
        var client = new CgminerRpcClient("127.0.0.1", server.Port, Quick, TimeProvider.System);

        var reply = await client.CommandAsync("version", null, CancellationToken.None);

        Assert.True(reply.IsSuccess);
    }

    [Fact]
    public async Task A_stalled_miner_is_unreachable_after_the_reply_time()
    {
        await using var server = new SimRpcServer(_ => Version, new MinerFaults { Stall = true });
        var client = new CgminerRpcClient("127.0.0.1", server.Port, Quick, TimeProvider.System);

        var e = await Assert.ThrowsAsync<MinerUnreachableException>(() => client.CommandAsync("version", null, CancellationToken.None));
        Assert.Contains("no reply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_is_a_protocol_error()
    {
        await using var server = new SimRpcServer(_ => Version, new MinerFaults { Garbage = true });
        var client = new CgminerRpcClient("127.0.0.1", server.Port, Healthy, TimeProvider.System);

        await Assert.ThrowsAsync<MinerProtocolException>(() => client.CommandAsync("version", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var port = LoopbackPort.Unused();
        var client = new CgminerRpcClient("127.0.0.1", port, Healthy, TimeProvider.System);

        await Assert.ThrowsAsync<MinerUnreachableException>(() => client.CommandAsync("version", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_connection_closed_without_a_reply_is_unreachable()
    {
        await using var server = new SimRpcServer(_ => null, new MinerFaults());
        var client = new CgminerRpcClient("127.0.0.1", server.Port, Healthy, TimeProvider.System);

        await Assert.ThrowsAsync<MinerUnreachableException>(() => client.CommandAsync("version", null, CancellationToken.None));
    }
}
