using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Antminer.Web;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>The cgi JSON of pyasic's stock-Antminer web API: the mode read, the configuration write and its reply, the alarms.</summary>
public sealed class AntminerWebCodecTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void The_work_mode_is_read_from_the_string_field()
    {
        Assert.Equal(AntminerWorkMode.Normal, AntminerWebCodec.ReadWorkMode(Json(ResearchExamples.MinerConf2a)));
        Assert.Equal(AntminerWorkMode.LowPower, AntminerWebCodec.ReadWorkMode(Json("""{"bitmain-work-mode":3}""")));
        Assert.Throws<MinerProtocolException>(() => AntminerWebCodec.ReadWorkMode(Json("""{"bitmain-work-mode":"9"}""")));
        Assert.Throws<MinerProtocolException>(() => AntminerWebCodec.ReadWorkMode(Json("{}")));
    }

    [Fact]
    public void The_write_keeps_the_pools_and_fan_settings_and_sends_the_mode_under_both_keys()
    {
        var body = Json(AntminerWebCodec.BuildSetMinerConf(Json(ResearchExamples.MinerConf2a), AntminerWorkMode.Sleep));

        var pools = body.GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(3, pools.Count);
        Assert.Equal("stratum+tcp://btc.example-pool.io:3333", pools[0].GetProperty("url").GetString());
        Assert.Equal("acct.heater1", pools[1].GetProperty("user").GetString());
        Assert.Equal("x", pools[0].GetProperty("pass").GetString());
        Assert.False(body.GetProperty("bitmain-fan-ctrl").GetBoolean());
        Assert.Equal("100", body.GetProperty("bitmain-fan-pwm").GetString());
        Assert.Equal("100", body.GetProperty("freq-level").GetString());
        Assert.Equal(1, body.GetProperty("miner-mode").GetInt32());
        Assert.Equal("1", body.GetProperty("bitmain-work-mode").GetString());
    }

    [Fact]
    public void The_write_pads_missing_pools_to_three_slots()
    {
        var body = Json(AntminerWebCodec.BuildSetMinerConf(Json("""{"pools":[{"url":"u","user":"w","pass":"p"}],"bitmain-work-mode":"0"}"""), AntminerWorkMode.LowPower));

        Assert.Equal(3, body.GetProperty("pools").GetArrayLength());
        Assert.Equal("", body.GetProperty("pools")[2].GetProperty("url").GetString());
        Assert.Equal(3, body.GetProperty("miner-mode").GetInt32());
    }

    [Fact]
    public void M000_is_accepted_and_an_error_reply_throws_with_its_message()
    {
        AntminerWebCodec.EnsureAccepted(Json(ResearchExamples.SetConfOk2b));

        var e = Assert.Throws<MinerProtocolException>(() =>
            AntminerWebCodec.EnsureAccepted(Json("""{"stats":"error","code":"M001","msg":"Invalid pool"}""")));
        Assert.Contains("M001", e.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid pool", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_alarms_are_the_items_not_in_status_s()
    {
        Assert.Equal(["temp: Temperature too high"], AntminerWebCodec.ReadErrors(Json(ResearchExamples.WebSummary2c)));
        Assert.Equal(["fans: code 7"], AntminerWebCodec.ReadErrors(Json("""{"SUMMARY":[{"status":[{"type":"fans","status":"w","code":7,"msg":""}]}]}""")));
        Assert.Empty(AntminerWebCodec.ReadErrors(Json("""{"SUMMARY":[{}]}""")));
    }
}
