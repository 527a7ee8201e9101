using ProofOfHeat.Drivers.Miners.Whatsminer.V2;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class WhatsminerV2CodecTests
{
    // An asic-rs fixture (M30S-class).
    private const string Summary3a = """
        {"STATUS":[{"STATUS":"S","When":1761061371,"Code":11,"Msg":"Summary","Description":"cgminer 4.9.2"}],
         "SUMMARY":[{"Elapsed":10154,"MHS av":67753251.19,"MHS 5s":70668114.52,"MHS 1m":67439352.49,
           "MHS 5m":67394800.97,"MHS 15m":67681620.18,"HS RT":67394800.97,"Accepted":2338,"Rejected":0,
           "Hardware Errors":69,"Temperature":71.5,"freq_avg":648,"Fan Speed In":6450,"Fan Speed Out":6480,
           "Voltage":1180,"Power":3417,"Power_RT":3427,"Power Current":261,"Power Fanspeed":9060,
           "Power Limit":3500,"Power Mode":"Normal","Target Freq":625,"Target MHS":65362500,
           "Factory GHS":68796,"Env Temp":24.0,"Chip Temp Min":71.0,"Chip Temp Max":92.5,"Chip Temp Avg":84.11,
           "Firmware Version":"'20210322.22.REL'","CB Platform":"ALLWINNER_H3","CB Version":"V8",
           "MAC":"C4:08:28:00:A4:19","Uptime":10792,"Hash Stable":true,"Error Code Count":0,
           "Security Mode":0,"Liquid Cooling":false}],
         "id":1}
        """;

    // asic-rs fixtures (v2 status); the get_token shape is MicroBT's WhatsMiner API V2.0.5, with made-up values.
    private const string Status3b = """{"STATUS":"S","When":1773953446,"Code":131,"Msg":{"mineroff":"false","mineroff_reason":"","mineroff_time":"","FirmwareVersion":"20240624.18.REL","power_mode":"low","power_limit_set":"3600","hash_percent":"0"},"Description":""}""";
    private const string Token3b = """{"STATUS":"S","When":1773871990,"Code":134,"Msg":{"time":"5419","salt":"BQ5hoXV9","newsalt":"jbzkfQls"},"Description":""}""";

    [Fact]
    public void Summary_example_3a_reads_the_heating_fields()
    {
        var reply = WhatsminerV2Reply.Parse(Summary3a);
        var summary = WhatsminerV2Summary.Parse(reply);

        Assert.True(reply.IsSuccess);
        Assert.Equal(WhatsminerV2Codes.Summary, reply.Code);
        Assert.Equal(67439352.49, summary.HashrateMhs);
        Assert.Equal(3417, summary.PowerWatts);
        Assert.Equal(3500, summary.PowerLimitWatts);
        Assert.Equal("Normal", summary.PowerMode);
        Assert.Equal([71.0, 84.11, 92.5], summary.ChipTemperatures);
        Assert.Equal(24.0, summary.EnvironmentTemperature);
        Assert.Equal([6450, 6480, 9060], summary.FanRpm);
        Assert.Equal(10154, summary.ElapsedSeconds);
        Assert.Equal("20210322.22.REL", summary.FirmwareVersion);
        Assert.Empty(summary.ErrorCodes);
    }

    [Fact]
    public void Summary_power_minus_one_is_unknown_and_old_error_fields_are_listed()
    {
        const string text = """
            {"STATUS":[{"STATUS":"S","Code":11,"Msg":"Summary"}],"SUMMARY":[{"MHS 1m":1000,"Power":-1,
             "Error Code Count":2,"Error Code 0":"218","Error Code 1":"110",}],"id":1}
            """;
        var summary = WhatsminerV2Summary.Parse(WhatsminerV2Reply.Parse(text));
        Assert.Null(summary.PowerWatts);
        Assert.Equal(["218", "110"], summary.ErrorCodes);
    }

    [Fact]
    public void Status_example_3b_is_a_flat_reply()
    {
        var reply = WhatsminerV2Reply.Parse(Status3b);
        var state = WhatsminerV2MinerState.Parse(reply);

        Assert.Equal(WhatsminerV2Codes.CommandOk, reply.Code);
        Assert.False(state.MinerOff);
        Assert.Equal("low", state.PowerMode);
        Assert.Equal(3600, state.PowerLimitSet);
        Assert.Equal(0, state.HashPercent);
        Assert.Equal("20240624.18.REL", state.FirmwareVersion);
    }

    [Fact]
    public void Token_grant_example_3b()
    {
        var reply = WhatsminerV2Reply.Parse(Token3b);
        Assert.Equal(WhatsminerV2Codes.TokenOk, reply.Code);
        Assert.Equal(new WhatsminerV2TokenGrant("5419", "BQ5hoXV9", "jbzkfQls"), WhatsminerV2Requests.ParseTokenGrant(reply));
    }

    [Theory]
    [InlineData("""{"STATUS":"S","When":1773871985,"Code":131,"Msg":{"error_code":[{"218":"2024-06-15 10:30:00"},{"110":"2024-06-15 09:15:00"}]},"Description":""}""")]
    [InlineData("""{"STATUS":"S","When":1773871985,"Code":131,"Msg":{"error_code":{"218":"2024-06-15 10:30:00","110":"2024-06-15 09:15:00"}},"Description":""}""")]
    [InlineData("""{"STATUS":"S","When":1773871985,"Code":131,"Msg":{"error_code":["218",110]},"Description":""}""")]
    public void Error_codes_example_3b_and_the_api_2_0_4_shapes(string text) =>
        Assert.Equal(["218", "110"], WhatsminerV2ErrorCodes.Parse(WhatsminerV2Reply.Parse(text)));

    [Fact]
    public void Errors_of_example_3c_keep_their_codes()
    {
        var denied = WhatsminerV2Reply.Parse("""{"STATUS":"E","When":1700000002,"Code":45,"Msg":"permission denied","Description":""}""");
        Assert.False(denied.IsSuccess);
        Assert.Equal(WhatsminerV2Codes.PermissionDenied, denied.Code);
        Assert.Equal("permission denied", denied.MessageText);
    }

    [Fact]
    public void Version_and_boards()
    {
        var version = WhatsminerV2Version.Parse(WhatsminerV2Reply.Parse(
            """{"STATUS":"S","When":1,"Code":131,"Msg":{"api_ver":"2.0.5","fw_ver":"20230803.11.REL","platform":"H616"},"Description":""}"""));
        Assert.Equal(new WhatsminerV2Version("2.0.5", "20230803.11.REL", "H616"), version);

        var boards = WhatsminerV2Board.Parse(WhatsminerV2Reply.Parse("""
            {"STATUS":[{"STATUS":"S","Code":9,"Msg":"3 ASC(s)"}],"DEVS":[
             {"ASC":0,"Slot":0,"Temperature":66.0,"Chip Temp Max":88.5,"MHS 1m":22000000},
             {"ASC":1,"Slot":1,"Temperature":67.5,"Chip Temp Max":90.0,"MHS 1m":23000000}],"id":1}
            """));
        Assert.Equal([new(0, 66.0, 88.5, 22000000), new WhatsminerV2Board(1, 67.5, 90.0, 23000000)], boards);
    }

    [Fact]
    public void Requests_use_cmd_and_string_fields()
    {
        Assert.Equal("""{"cmd":"summary"}""", WhatsminerV2Requests.Read("summary"));
        Assert.Equal("""{"cmd":"get_token"}""", WhatsminerV2Requests.GetToken());
        Assert.Equal("""{"cmd":"adjust_power_limit","power_limit":"2500","token":"s+/"}""",
            WhatsminerV2Requests.WritePlaintext("adjust_power_limit", "s+/", [new("power_limit", "2500")]));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"SUMMARY":[]}""")]
    [InlineData("""{"STATUS":[]}""")]
    public void Garbage_is_a_format_error(string text) => Assert.Throws<FormatException>(() => WhatsminerV2Reply.Parse(text));

    [Theory]
    [InlineData("20250321.14.Rel", true)]
    [InlineData("20241201.01.REL", true)]
    [InlineData("20241130.22.REL", false)]
    [InlineData("'20210322.22.REL'", false)]
    [InlineData("btminer", null)]
    public void Firmware_date_tells_the_api_generation(string firmware, bool? v3) => Assert.Equal(v3, WhatsminerFirmware.IsApiV3(firmware));

    [Theory]
    [InlineData("""{"STATUS":[{"STATUS":"S","When":1767592800,"Code":22,"Description":"btminer"}],"VERSION":[{"Firmware Version":"'20230803.11.REL'"}],"id":1}""", false)]
    [InlineData("""{"STATUS":[{"STATUS":"S","When":1767592800,"Code":22,"Description":"btminer"}],"VERSION":[{"Firmware Version":"\u002720250321.14.Rel\u0027"}],"id":1}""", true)]
    [InlineData("""{"STATUS":[{"STATUS":"S","When":1767592800,"Description":"btminer"}],"VERSION":[{"API":"2.0.5"}],"id":1}""", null)]
    [InlineData("btminer 20250321.14.Rel, not json", true)]
    public void Version_reply_firmware_date_tells_the_generation(string reply, bool? v3) =>
        Assert.Equal(v3, WhatsminerFirmware.IsApiV3FromVersionReply(reply));
}
