using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>The parser on the example replies of LuxOS's API docs.</summary>
public sealed class LuxOsReplyParserTests
{
    [Fact]
    public void Logon_reply_gives_the_session_id()
    {
        var reply = CgminerReply.Parse("logon", """
            {"SESSION":[{"SessionID":"yJN2nlj1"}],"STATUS":[{"Code":316,"Description":"LUXminer 0.1.0-15436f7140","Msg":"Session created","STATUS":"S","When":1667917312}],"id":1}
            """);

        Assert.True(reply.IsSuccess);
        Assert.Equal(316, reply.Code);
        Assert.Equal("yJN2nlj1", LuxOsReplyParser.ParseSessionId(reply));
    }

    [Fact]
    public void Second_logon_is_an_error_with_code_402_and_no_session()
    {
        var reply = CgminerReply.Parse("logon", """
            {"STATUS":[{"Code":402,"Description":"LUXminer 2024.1.26.143259-2d8448bf","Msg":"Another session is active","STATUS":"E","When":1706294700}],"id":1}
            """);

        Assert.False(reply.IsSuccess);
        Assert.Equal(402, reply.Code);
        Assert.Null(LuxOsReplyParser.ParseSessionId(reply));
    }

    [Fact]
    public void Curtail_and_profileset_replies_carry_their_codes()
    {
        var curtail = CgminerReply.Parse("curtail", """
            {"CURTAIL":[{"Action":"sleep mode"}],"STATUS":[{"Code":335,"Description":"LUXminer 0.1.0-15436f7140","Msg":"Curtailment command sent","STATUS":"S","When":1681332079}],"id":1}
            """);
        var profile = CgminerReply.Parse("profileset", """
            {"PROFILE":[{"Board":0,"FrequencyStep":5,"Profile":"default","VoltageStep":0.05}],"STATUS":[{"Code":321,"Description":"LUXminer 2024.1.26.143259-2d8448bf","Msg":"Profile Set","STATUS":"S","When":1706294726}],"id":1}
            """);

        Assert.Equal(335, curtail.EnsureSuccess().Code);
        Assert.Equal(321, profile.EnsureSuccess().Code);
        Assert.True(profile.TryGetFirst("PROFILE", out var set));
        Assert.Equal("default", set.GetProperty("Profile").GetString());
    }

    [Fact]
    public void Power_and_atm_replies_are_read()
    {
        var atm = CgminerReply.Parse("atm", """
            {"ATM":[{"Enabled":false,"MaxProfile":"580MHz","MinProfile":"","PostRampMinutes":1,"StartupMinutes":1,"TempWindow":3.0}],"STATUS":[{"Code":339,"Description":"LUXminer","Msg":"ATM configuration values","STATUS":"S","When":1520679001}],"id":1}
            """);
        var power = CgminerReply.Parse("power", """
            {"POWER":[{"PSU":true,"Watts":2987}],"STATUS":[{"Code":320,"Description":"LUXminer 2024.1.26.143259-2d8448bf","Msg":"Power","STATUS":"S","When":1706294800}],"id":1}
            """);

        Assert.False(LuxOsReplyParser.ParseAtmEnabled(atm));
        Assert.Equal(2987, LuxOsReplyParser.ParsePower(power));
    }

    [Fact]
    public void Config_tells_curtailment_profile_and_atm()
    {
        var sleeping = CgminerReply.Parse("config", """
            {"CONFIG":[{"CurtailMode":"Sleep","IsAtmEnabled":true,"Model":"Antminer S19j Pro","Profile":"495MHz"}],"STATUS":[{"Code":33,"STATUS":"S","Msg":"CGMiner config","Description":"LUXminer"}],"id":1}
            """);
        var mining = CgminerReply.Parse("config", """
            {"CONFIG":[{"CurtailMode":"None","IsAtmEnabled":false,"Model":"Antminer S19j Pro","Profile":"default"}],"STATUS":[{"Code":33,"STATUS":"S","Msg":"CGMiner config","Description":"LUXminer"}],"id":1}
            """);

        Assert.Equal(new LuxOsConfig("Antminer S19j Pro", "495MHz", IsCurtailed: true, IsAtmEnabled: true), LuxOsReplyParser.ParseConfig(sleeping));
        Assert.Equal(new LuxOsConfig("Antminer S19j Pro", "default", IsCurtailed: false, IsAtmEnabled: false), LuxOsReplyParser.ParseConfig(mining));
    }

    [Fact]
    public void Profiles_are_sorted_by_power_and_skip_entries_without_watts()
    {
        var reply = CgminerReply.Parse("profiles", """
            {"PROFILES":[{"Profile Name":"default","Frequency":545,"Voltage":13.6,"Watts":3050,"Hashrate":104.0,"IsTuned":true},
                         {"Profile Name":"495MHz","Frequency":495,"Voltage":13.4,"Watts":2620,"Hashrate":94.5,"IsTuned":false},
                         {"Profile Name":"broken","Frequency":100}],
             "STATUS":[{"Code":327,"STATUS":"S","Msg":"Profiles","Description":"LUXminer"}],"id":1}
            """);

        var profiles = LuxOsReplyParser.ParseProfiles(reply);

        Assert.Equal(["495MHz", "default"], profiles.Select(p => p.Name));
        Assert.Equal(new LuxOsProfile("default", 3050, 104.0, true), profiles[1]);
    }

    [Fact]
    public void Stats_give_the_hottest_sensor_of_each_chip_quad_and_the_fans()
    {
        var reply = CgminerReply.Parse("stats", """
            {"STATUS":[{"STATUS":"S","Code":70,"Msg":"CGMiner stats","Description":"LUXminer"}],
             "STATS":[{"Type":"Antminer S19j Pro"},
                      {"Elapsed":50474,"fan_num":2,"fan1":6000,"fan2":5880,"fan3":1,
                       "temp_chip1":"78-50-69-70","temp_chip2":"52-55-70-71","temp_chip3":"0-0-0-0"}],"id":1}
            """);

        var (chips, fans) = LuxOsReplyParser.ParseStats(reply);

        Assert.Equal([78.0, 71.0], chips);
        Assert.Equal([6000, 5880], fans);
    }

    [Fact]
    public void Devs_report_dead_boards_as_errors()
    {
        var reply = CgminerReply.Parse("devs", """
            {"STATUS":[{"STATUS":"S","Code":9,"Msg":"3 ASC(s)","Description":"LUXminer"}],
             "DEVS":[{"ASC":0,"ID":0,"Enabled":"Y","Status":"Alive","Temperature":61.5},
                     {"ASC":1,"ID":1,"Enabled":"Y","Status":"Dead","Temperature":0},
                     {"ASC":2,"ID":2,"Enabled":"N","Status":"Disabled","Temperature":0}],"id":1}
            """);

        var (boards, errors) = LuxOsReplyParser.ParseDevs(reply);

        Assert.Equal([61.5], boards);
        Assert.Equal(["board 1: Dead"], errors);
    }

    [Theory]
    [InlineData("73-45-64-65", 73.0)]
    [InlineData("0-0-0-0", null)]
    [InlineData("", null)]
    [InlineData("47-50-65-66", 66.0)]
    public void Quad_maximum(string quad, double? expected) => Assert.Equal(expected, LuxOsReplyParser.QuadMaximum(quad));
}
