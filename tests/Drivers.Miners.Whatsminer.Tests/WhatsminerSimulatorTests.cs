using ProofOfHeat.Drivers.Miners.Whatsminer.V2;
using ProofOfHeat.Sim.Miners.Whatsminer;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

/// <summary>The simulator's own rules, at the wire, where the driver's behaviour would hide them.</summary>
public sealed class WhatsminerSimulatorTests
{
    [Theory]
    [InlineData("admin", "BQ5hoXV9", "RxmaDUO33TS7O26yeMHZ81")]
    [InlineData("0123456789abcdefg", "X7PqLm2a", "cVv4MuEcsokbN8ejeXva2/")]
    [InlineData("héllo wörld", "a", "dV04v20TYwV2uN5s1/wk31")]
    [InlineData("", "", "qRPK7m23GJusamGpoGLby/")]
    public void Its_own_md5_crypt_matches_openssl(string password, string salt, string hash) =>
        Assert.Equal(hash, WhatsminerSimCrypto.Md5CryptHash(password, salt));

    [Fact]
    public async Task A_token_expires_after_thirty_minutes_of_the_miners_time()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        var rpc = rig.Rpc();
        var grant = WhatsminerV2Requests.ParseTokenGrant(WhatsminerV2Reply.Parse(
            await rpc.SendRawAsync(WhatsminerV2Requests.GetToken(), CancellationToken.None)));
        var session = WhatsminerV2Session.Create("admin", grant, rig.Clock.GetUtcNow());

        rig.Clock.Advance(TimeSpan.FromMinutes(29));
        var fresh = WhatsminerV2Reply.Parse(WhatsminerV2Requests.OpenReply(session,
            await rpc.SendRawAsync(WhatsminerV2Requests.Write(session, "power_off", [new("respbefore", "true")]), CancellationToken.None)));
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        var stale = WhatsminerV2Reply.Parse(WhatsminerV2Requests.OpenReply(session,
            await rpc.SendRawAsync(WhatsminerV2Requests.Write(session, "power_on", []), CancellationToken.None)));

        Assert.Equal(WhatsminerV2Codes.CommandOk, fresh.Code);
        Assert.Equal(WhatsminerV2Codes.CommandOkMessage, fresh.MessageText);
        Assert.Equal(WhatsminerV2Codes.TokenError, stale.Code);
        Assert.Equal("E", stale.Status);
    }

    [Fact]
    public async Task One_client_gets_at_most_32_live_tokens()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        var rpc = rig.Rpc();
        var codes = new List<int>();
        for (var i = 0; i < 33; i++)
        {
            codes.Add(WhatsminerV2Reply.Parse(await rpc.SendRawAsync(WhatsminerV2Requests.GetToken(), CancellationToken.None)).Code);
        }

        Assert.All(codes.Take(32), c => Assert.Equal(WhatsminerV2Codes.TokenOk, c));
        Assert.Equal(WhatsminerV2Codes.TokenOverMaxTimes, codes[32]);
        rig.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(WhatsminerV2Codes.TokenOk, WhatsminerV2Reply.Parse(await rpc.SendRawAsync(WhatsminerV2Requests.GetToken(), CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Out_of_range_limits_unknown_commands_and_bad_json_get_their_documented_codes()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        var rpc = rig.Rpc();
        var grant = WhatsminerV2Requests.ParseTokenGrant(WhatsminerV2Reply.Parse(
            await rpc.SendRawAsync(WhatsminerV2Requests.GetToken(), CancellationToken.None)));
        var session = WhatsminerV2Session.Create("admin", grant, rig.Clock.GetUtcNow());

        async Task<int> WriteAsync(string command, string field, string value) => WhatsminerV2Reply.Parse(WhatsminerV2Requests.OpenReply(session,
            await rpc.SendRawAsync(WhatsminerV2Requests.Write(session, command, [new(field, value)]), CancellationToken.None))).Code;

        Assert.Equal(WhatsminerV2Codes.CommandError, await WriteAsync("adjust_power_limit", "power_limit", "9000"));
        Assert.Equal(WhatsminerV2Codes.InvalidCommand, await WriteAsync("make_coffee", "cups", "2"));
        Assert.Equal(WhatsminerV2Codes.InvalidJson, WhatsminerV2Reply.Parse(await rpc.SendRawAsync("{\"cmd\":summary}", CancellationToken.None)).Code);
        Assert.Equal(WhatsminerV2Codes.Base64DecodeError, WhatsminerV2Reply.Parse(await rpc.SendRawAsync("""{"enc":1,"data":"%%%"}""", CancellationToken.None)).Code);
        Assert.Equal(3400, rig.Miner.PowerLimitWatts);
    }

    [Fact]
    public async Task Get_version_and_get_miner_info_answer_flat()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        var rpc = rig.Rpc();

        var version = WhatsminerV2Version.Parse(WhatsminerV2Reply.Parse(await rpc.SendRawAsync(WhatsminerV2Requests.Read("get_version"), CancellationToken.None)));
        var info = WhatsminerV2Reply.Parse(await rpc.SendRawAsync(WhatsminerV2Requests.Read("get_miner_info"), CancellationToken.None));

        Assert.Equal("20230803.11.REL", version.FirmwareVersion);
        Assert.False(WhatsminerFirmware.IsApiV3(version.FirmwareVersion));
        Assert.Equal("C4:08:28:00:A4:19", info.Message.GetProperty("mac").GetString());
    }
}
