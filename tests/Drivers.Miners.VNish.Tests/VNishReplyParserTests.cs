using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>The parser on the example replies of VNish's OpenAPI document, as published in asic-rs.</summary>
public sealed class VNishReplyParserTests
{
    [Fact]
    public void Unlock_gives_the_token()
    {
        Assert.Equal("OwpWakIHG7ZE7xg7MGd6uL6UWOMeIzgW", VNishReplyParser.ParseToken(Json("""{"token":"OwpWakIHG7ZE7xg7MGd6uL6UWOMeIzgW"}""")));
        Assert.Throws<MinerProtocolException>(() => VNishReplyParser.ParseToken(Json("""{"unlock_timeout":30}""")));
    }

    [Fact]
    public void Summary_of_a_mining_s19_is_read()
    {
        var summary = VNishReplyParser.ParseSummary(Json("""
            {"miner":{"miner_status":{"miner_state":"mining","miner_state_time":5231},
              "miner_type":"Antminer S19 (Vnish 1.2.6)","hr_stock":95000.0,"hr_nominal":88020.0,
              "hr_realtime":87611.3,"instant_hashrate":87611.3,"average_hashrate":87930.2,"hr_average":87930.2,
              "pcb_temp":{"min":48,"max":63},"chip_temp":{"min":63,"max":78},
              "power_consumption":2355,"power_usage":2355,"power_efficiency":26.8,
              "hw_errors_percent":0.01,"hr_error":12.4,"hw_errors":48,"devfee_percent":2.8,"devfee":2464.0,
              "pools":[{"id":0,"url":"stratum+tcp://btc.example-pool.io:3333","pool_type":"UserPool","user":"acct.heater2",
                        "status":"working","asic_boost":true,"diff":"65K","accepted":3021,"rejected":4,"stale":0,
                        "ls_diff":65536.0,"ls_time":"0:00:07","diffa":197984256.0,"ping":31}],
              "cooling":{"fan_num":4,"fan_duty":42,"settings":{"mode":{"name":"auto"}},
                         "fans":[{"id":0,"rpm":3480,"status":"ok","max_rpm":6000},{"id":1,"rpm":3510,"status":"ok","max_rpm":6000},
                                 {"id":2,"rpm":3450,"status":"ok","max_rpm":6000},{"id":3,"rpm":3490,"status":"ok","max_rpm":6000}]},
              "chains":[{"id":1,"frequency":560.0,"voltage":13400,"power_consumption":785,"hashrate_ideal":29340.0,
                         "hashrate_rt":29210.4,"hashrate_percentage":99.6,"hr_error":4.1,"hw_errors":16,
                         "pcb_temp":{"min":48,"max":62},"chip_temp":{"min":63,"max":77},"status":{"state":"mining"}}],
              "found_blocks":0,"best_share":318843211}}
            """));

        Assert.Equal("mining", summary.MinerState);
        Assert.Equal("Antminer S19 (Vnish 1.2.6)", summary.Model);
        Assert.Equal(87611.3, summary.HashrateGigahash);
        Assert.Equal(2355, summary.PowerWatts);
        Assert.Equal([62.0], summary.BoardTemperatures);
        Assert.Equal([77.0], summary.ChipTemperatures);
        Assert.Equal([3480, 3510, 3450, 3490], summary.FanRpm);
        Assert.Empty(summary.Errors);
    }

    [Fact]
    public void Summary_falls_back_to_power_usage_and_lists_failed_chains()
    {
        var summary = VNishReplyParser.ParseSummary(Json("""
            {"miner":{"miner_status":{"miner_state":"failure"},"power_usage":40,
              "chains":[{"id":2,"status":{"state":"failure","description":"Failed to parse miner configuration"}}]}}
            """));

        Assert.Equal(40, summary.PowerWatts);
        Assert.Equal(["chain 2: Failed to parse miner configuration"], summary.Errors);
        Assert.Throws<MinerProtocolException>(() => VNishReplyParser.ParseSummary(Json("""{"err":"busy"}""")));
    }

    [Fact]
    public void Presets_carry_their_watts_and_tuned_state()
    {
        var presets = VNishReplyParser.ParsePresets(Json("""
            [{"name":"disabled","pretty":"Disabled","status":"untuned","modded_psu_required":false},
             {"name":"1900","pretty":"1900 watt ~ 73 TH","status":"tuned","modded_psu_required":false},
             {"name":"2350","pretty":"2350 watt ~ 85 TH","status":"tuned","modded_psu_required":false},
             {"name":"eco","pretty":"1400 watt ~ 50 TH","status":"untuned","modded_psu_required":false}]
            """));

        Assert.Equal(
            [new VNishPreset("disabled", null, false), new VNishPreset("1900", 1900, true), new VNishPreset("2350", 2350, true), new VNishPreset("eco", 1400, false)],
            presets);
    }

    [Fact]
    public void Settings_answer_says_whether_a_restart_is_needed()
    {
        Assert.Equal(new VNishSettingsResult(false, false),
            VNishReplyParser.ParseSettingsResult(Json("""{"restart_required":false,"reboot_required":false}""")));
        Assert.Equal(new VNishSettingsResult(true, false), VNishReplyParser.ParseSettingsResult(Json("""{"restart_required":true}""")));
        Assert.Equal(new VNishSettingsResult(false, false), VNishReplyParser.ParseSettingsResult(null));
    }

    [Fact]
    public void Preset_body_is_the_partial_settings_object() =>
        Assert.Equal("""{"miner":{"overclock":{"preset":"1900"}}}""", VNishReplyParser.PresetBody("1900"));

    [Fact]
    public void Current_preset_is_read_as_a_name_or_an_object()
    {
        Assert.Equal("2350", VNishReplyParser.ParseCurrentPreset(Json("""{"current_preset":"2350"}""")));
        Assert.Equal("1900", VNishReplyParser.ParseCurrentPreset(Json("""{"current_preset":{"name":"1900","pretty":"1900 watt ~ 73 TH"}}""")));
        Assert.Null(VNishReplyParser.ParseCurrentPreset(Json("""{"preset_switcher":{"enabled":false}}""")));
    }

    [Theory]
    [InlineData("0:06", 0, 0, 6, 0)]
    [InlineData("5:03:27", 0, 5, 3, 27)]
    [InlineData("2 days, 3:04", 2, 3, 4, 0)]
    [InlineData("3d 04:05", 3, 4, 5, 0)]
    public void Uptime_texts_are_read(string text, int days, int hours, int minutes, int seconds) =>
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), VNishReplyParser.ParseUptime(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Unreadable_uptimes_are_null(string? text) => Assert.Null(VNishReplyParser.ParseUptime(text));

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}
