using System.Text.Json.Nodes;
using ProofOfHeat.Drivers.Miners.Whatsminer.V3;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class WhatsminerV3CodecTests
{
    // An asic-rs fixture, without its schematic length prefix.
    private const string Summary3d = """
        {"code":0,"desc":"get.miner.status","when":1773869570,
         "msg":{"summary":{"elapsed":50000,"bootup-time":1323,"hash-realtime":171.259,"hash-1min":171.2,
          "hash-15min":170.5,"hash-average":170.8,"factory-hash":181.051,"power-realtime":3156.0,
          "power-5min":3100.0,"power-limit":3600,"power-rate":17.6,"chip-temp-min":68.0,"chip-temp-avg":75.5,
          "chip-temp-max":82.0,"board-temperature":[41.1,40.1,41.5],"environment-temperature":28.5,
          "fan-speed-in":5400,"fan-speed-out":5280,"freq-avg":625,"up-freq-finish":1,"Debug":""}}}
        """;

    [Fact]
    public void Summary_example_3d()
    {
        var reply = WhatsminerV3Reply.Parse(Summary3d);
        var summary = WhatsminerV3Summary.Parse(reply);

        Assert.True(reply.IsSuccess);
        Assert.Equal("get.miner.status", reply.Description);
        Assert.Equal(171.259, summary.HashrateTerahash);
        Assert.Equal(3156.0, summary.PowerWatts);
        Assert.Equal(3600, summary.PowerLimitWatts);
        Assert.Equal([68.0, 75.5, 82.0], summary.ChipTemperatures);
        Assert.Equal([41.1, 40.1, 41.5], summary.BoardTemperatures);
        Assert.Equal(28.5, summary.EnvironmentTemperature);
        Assert.Equal([5400, 5280], summary.FanRpm);
        Assert.Equal(50000, summary.ElapsedSeconds);
        Assert.True(summary.UpFreqFinished);
    }

    [Fact]
    public void Write_example_3e_replies()
    {
        var ok = WhatsminerV3Reply.Parse("""{"code":0,"when":1735000000,"msg":"ok","desc":"set.miner.service"}""");
        var refused = WhatsminerV3Reply.Parse("""{"code":-1,"when":1735000000,"msg":"invalid token","desc":"set.miner.service"}""");
        Assert.True(ok.IsSuccess);
        Assert.Equal("ok", ok.MessageText);
        Assert.False(refused.IsSuccess);
        Assert.Equal("invalid token", refused.MessageText);
    }

    [Fact]
    public void Token_is_the_first_8_characters_of_base64_sha256_of_cmd_password_salt_ts()
    {
        // Expected values from Python's hashlib/base64 over the concatenated strings.
        Assert.Equal("X9T4Kb3S", WhatsminerV3Signer.Token("set.miner.service", "super", "Xy3kP9aB", 1735000000));
        Assert.Equal("Z2gmlVHF", WhatsminerV3Signer.Token("set.miner.power_limit", "super", "Xy3kP9aB", 1735000123));
    }

    [Fact]
    public void Write_request_carries_param_ts_account_and_token()
    {
        var text = WhatsminerV3Requests.Write("set.miner.service", JsonValue.Create("stop"), 1735000000, "super", "super", "Xy3kP9aB");
        Assert.Equal("""{"cmd":"set.miner.service","param":"stop","ts":1735000000,"account":"super","token":"X9T4Kb3S"}""", text);
        Assert.Equal("""{"cmd":"get.miner.status","param":"summary"}""", WhatsminerV3Requests.Read("get.miner.status", "summary"));
    }

    [Fact]
    public void Device_info_reads_model_firmware_working_errors_and_salt()
    {
        var info = WhatsminerV3DeviceInfo.Parse(WhatsminerV3Reply.Parse("""
            {"code":0,"when":1,"desc":"get.device.info","msg":{"network":{"mac":"C4:08:28:00:A4:19"},
             "system":{"api":"3.0.1","fwversion":"20250321.14.Rel","platform":"H6OS"},
             "miner":{"type":"M50S","working":"false"},"error-code":[{"530":"2025-01-01 10:00:00"},"111"],"salt":"Xy3kP9aB"}}
            """));
        Assert.Equal("M50S", info.Model);
        Assert.Equal("20250321.14.Rel", info.FirmwareVersion);
        Assert.False(info.Working);
        Assert.Equal(["530", "111"], info.ErrorCodes);
        Assert.Equal("Xy3kP9aB", info.Salt);
    }

    [Fact]
    public async Task Frames_are_a_little_endian_length_then_utf8_json()
    {
        var frame = WhatsminerV3Framing.Encode("""{"cmd":"é"}""");
        Assert.Equal(new byte[] { 12, 0, 0, 0 }, frame[..4]);

        using var stream = new MemoryStream([.. frame, .. WhatsminerV3Framing.Encode("{}")]);
        Assert.Equal("""{"cmd":"é"}""", await WhatsminerV3Framing.ReadAsync(stream, CancellationToken.None));
        Assert.Equal("{}", await WhatsminerV3Framing.ReadAsync(stream, CancellationToken.None));
        Assert.Null(await WhatsminerV3Framing.ReadAsync(stream, CancellationToken.None));
    }

    [Fact]
    public async Task A_cut_frame_or_an_absurd_length_is_refused()
    {
        using var cut = new MemoryStream(WhatsminerV3Framing.Encode("{\"code\":0}")[..8]);
        await Assert.ThrowsAsync<EndOfStreamException>(() => WhatsminerV3Framing.ReadAsync(cut, CancellationToken.None));

        using var absurd = new MemoryStream([0xff, 0xff, 0xff, 0x7f, 0x7b]);
        await Assert.ThrowsAsync<InvalidDataException>(() => WhatsminerV3Framing.ReadAsync(absurd, CancellationToken.None));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("""{"msg":"no code"}""")]
    public void Not_a_reply(string text) => Assert.ThrowsAny<FormatException>(() => WhatsminerV3Reply.Parse(text));
}
