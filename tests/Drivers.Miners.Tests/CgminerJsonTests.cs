using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Tests;

public sealed class CgminerJsonTests
{
    [Theory]
    [InlineData("{\"STATUS\":[{\"STATUS\":\"S\"}],\"id\":1}\0", "S")]
    [InlineData("{\"STATUS\":[{\"STATUS\":\"S\",}],\"id\":1,}", "S")]
    [InlineData("{\"STATUS\":[{\"STATUS\":\"S\"}],\"DEVS\":[{\"a\":1}{\"b\":2}],\"id\":1}", "S")]
    [InlineData("{\"STATUS\":[,{\"STATUS\":\"S\"}],\"id\":1}", "S")]
    [InlineData("{\"STATUS\":[{\"STATUS\":\"S\",\"Msg\":\"two\nlines\"}],\"id\":1}", "S")]
    public void Repairs_the_known_firmware_faults(string text, string status)
    {
        Assert.True(CgminerJson.TryParse(text, out var document));
        using (document)
        {
            Assert.Equal(status, document.RootElement.GetProperty("STATUS")[0].GetProperty("STATUS").GetString());
        }
    }

    [Fact]
    public void Objects_without_a_comma_between_them_become_two_elements()
    {
        Assert.True(CgminerJson.TryParse("{\"DEVS\":[{\"a\":1}{\"b\":2}]}", out var document));
        using (document)
        {
            Assert.Equal(2, document.RootElement.GetProperty("DEVS").GetArrayLength());
        }
    }

    [Fact]
    public void Bare_inf_and_nan_become_null_and_quoted_ones_stay_strings()
    {
        Assert.True(CgminerJson.TryParse("{\"a\":inf,\"b\":nan,\"c\":\"inf\"}", out var document));
        using (document)
        {
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("a").ValueKind);
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("b").ValueKind);
            Assert.Equal("inf", document.RootElement.GetProperty("c").GetString());
        }
    }

    [Fact]
    public void A_reply_that_starts_at_the_id_is_an_object()
    {
        Assert.True(CgminerJson.TryParse(",\"id\":1}", out var document));
        using (document)
        {
            Assert.Equal(1, document.RootElement.GetProperty("id").GetInt32());
        }
    }

    [Fact]
    public void A_reply_cut_off_mid_way_is_not_repaired_into_a_valid_one()
    {
        // Issue 10: closing the brackets of a cut reply made a half estats look valid with its board temperatures
        // missing, and overheat protection went blind without a warning. A cut reply is an error.
        const string cut = "{\"STATUS\":[{\"STATUS\":\"S\"}],\"STATS\":[{\"STATS\":0,\"MM ID0\":\"Ver[1246] TMax[8";
        const string cutAtComma = "{\"STATUS\":[{\"STATUS\":\"S\"}],\"DEVS\":[{\"a\":1},{\"b\":2,";

        Assert.False(CgminerJson.TryParse(cut, out _));
        Assert.False(CgminerJson.TryParse(cutAtComma, out _));
        Assert.Throws<MinerProtocolException>(() => CgminerReply.Parse("estats", cut));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("\u00de\u00ad{\"\u00ff")]
    public void Garbage_is_not_json(string text) => Assert.False(CgminerJson.TryParse(text, out _));

    [Fact]
    public void Reply_exposes_the_status_envelope_and_sections_case_insensitively()
    {
        var reply = CgminerReply.Parse("summary",
            "{\"STATUS\":[{\"STATUS\":\"S\",\"When\":1,\"Code\":11,\"Msg\":\"Summary\",\"Description\":\"bmminer 1.0.0\"}],\"SUMMARY\":[{\"GHS 5s\":\"100.5\"}],\"id\":1}");

        Assert.True(reply.IsSuccess);
        Assert.Equal(11, reply.Code);
        Assert.Equal("bmminer 1.0.0", reply.Description);
        Assert.True(reply.TryGetFirst("summary", out var summary));
        Assert.Equal("100.5", summary.GetProperty("GHS 5s").GetString());
    }

    [Fact]
    public void An_error_status_fails_with_the_miners_message()
    {
        var reply = CgminerReply.Parse("ascset", "{\"STATUS\":[{\"STATUS\":\"E\",\"Code\":45,\"Msg\":\"Access denied to 'ascset' command\"}],\"id\":1}");

        var e = Assert.Throws<MinerProtocolException>(() => reply.EnsureSuccess());
        Assert.Contains("Access denied", e.Message, StringComparison.Ordinal);
        Assert.Contains("45", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_restart_acknowledgement_is_success()
    {
        Assert.True(CgminerReply.Parse("restart", "{\"STATUS\":\"RESTART\"}").IsSuccess);
    }
}
