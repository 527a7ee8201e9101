using System.Net;
using System.Net.Http.Headers;
using ProofOfHeat.Drivers.Miners.Antminer.Web;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>The simulator keeps the firmware's rules even against clients that break them.</summary>
public sealed class AntminerSimulatorTests
{
    [Fact]
    public async Task Digest_credentials_replayed_with_the_same_count_or_for_another_uri_are_refused()
    {
        await using var rig = await AntminerRig.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{rig.Driver.Endpoint.Host}:{rig.Driver.Endpoint.HttpPort}") };
        using var first = await http.GetAsync(new Uri("/cgi-bin/get_miner_conf.cgi", UriKind.Relative));
        var challenge = DigestChallenge.From(first.Headers)!;
        var authenticator = new DigestAuthenticator("root", "root");
        authenticator.Accept(challenge);
        var credentials = authenticator.Authorize("GET", "/cgi-bin/get_miner_conf.cgi")!;

        var accepted = await GetAsync(http, "/cgi-bin/get_miner_conf.cgi", credentials);
        var replayed = await GetAsync(http, "/cgi-bin/get_miner_conf.cgi", credentials);
        var elsewhere = await GetAsync(http, "/cgi-bin/summary.cgi", authenticator.Authorize("GET", "/cgi-bin/get_miner_conf.cgi")!);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere);
    }

    [Fact]
    public async Task A_write_with_only_bitmain_work_mode_is_acknowledged_but_changes_nothing()
    {
        await using var rig = await AntminerRig.StartAsync();
        using var web = new AntminerWebClient(rig.Driver.Endpoint, AntminerRig.FastTimeouts, TimeProvider.System);

        var reply = await web.PostAsync("set_miner_conf", """{"bitmain-work-mode":"1"}""", AntminerRig.FastTimeouts.Reply, CancellationToken.None);

        AntminerWebCodec.EnsureAccepted(reply);
        Assert.Equal(0, rig.Miner.WorkMode);
    }

    [Fact]
    public async Task The_rpc_is_read_only_as_shipped()
    {
        await using var rig = await AntminerRig.StartAsync();
        var rpc = new CgminerRpcClient(rig.Driver.Endpoint.Host, rig.Driver.Endpoint.RpcPort, AntminerRig.FastTimeouts, TimeProvider.System);

        var restart = await rpc.CommandAsync("restart", null, CancellationToken.None);
        var unknown = await rpc.CommandAsync("frobnicate", null, CancellationToken.None);

        Assert.Equal(45, restart.Code);
        Assert.Equal("Access denied to 'restart' command", restart.Message);
        Assert.Equal(14, unknown.Code);
        Assert.Equal(0, rig.Miner.Hardware.RestartCount);
    }

    [Fact]
    public async Task Reboot_cgi_takes_rpc_and_web_down_for_the_restart()
    {
        await using var rig = await AntminerRig.StartAsync();
        using var web = new AntminerWebClient(rig.Driver.Endpoint, AntminerRig.FastTimeouts, TimeProvider.System);

        await web.GetAsync("reboot", AntminerRig.FastTimeouts.Reply, CancellationToken.None);

        Assert.True(rig.Miner.IsRebooting);
        await Assert.ThrowsAsync<MinerUnreachableException>(() => web.GetAsync("get_miner_conf", AntminerRig.FastTimeouts.Reply, CancellationToken.None));
        rig.Clock.Advance(rig.Miner.Hardware.Spec.RestartDuration);
        Assert.False(rig.Miner.IsRebooting);
        Assert.NotNull(await web.GetAsync("get_miner_conf", AntminerRig.FastTimeouts.Reply, CancellationToken.None));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient http, string path, string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Digest", credentials);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
