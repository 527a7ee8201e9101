using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>The Avalon replies of pyasic's Avalon fixtures (the A15 among them), parsed as the driver reads them.</summary>
public sealed class AvalonCodecTests
{
    /// <summary>Example 1e: a Nano 3 <c>estats</c> (no WALLPOWER token on this firmware).</summary>
    private const string Nano3Estats1e = """
        {"STATUS":[{"STATUS":"S","When":986,"Code":70,"Msg":"CGMiner stats","Description":"cgminer 4.11.1"}],
         "STATS":[{"STATS":0,"ID":"AVANANO0","Elapsed":512933,"Calls":0,"Wait":0.0,"Max":0.0,"Min":99999999.0,
          "MM ID0":"Ver[nano3-24071801_42c628d] Elapsed[512943] Temp[38] TMax[87] TAvg[85] TarT[85] Fan1[3030] FanR[41%] PS[0 0 0 3 2792 89 324] GHSspd[2630.98] GHSmm[3203.56] GHSavg[2474.77] Led[1] MGHS[2474.77] MTmax[87] MTavg[85] SoftOFF[0] ECHU[0] ECMM[0] WORKLEVEL[1] MPO[90]",
          "MM Count":1,"Nonce Mask":1}],"id":1}
        """;

    /// <summary>The A15-194 status string of the pyasic fixture (trimmed: one chip-temperature list kept).</summary>
    private const string A15StatusString =
        "Ver[15-194-24102401_25462b2_9ddf522] DNA[020100008c699117] MEMFREE[1392832.1381104] NETFAIL[0 0 0 0 0 0 0 0] "
        + "SYSTEMSTATU[Work: In Work, Hash Board: 3 ] Elapsed[975] BOOTBY[0x04.00000000] LW[714031] MH[0 0 0] DHW[0] HW[0] DH[1.299%] "
        + "Temp[31] TMax[78] TAvg[70] Fan1[4275] Fan2[4282] FanR[49%] Vo[296] PS[0 1209 1187 297 3526 1188 3731] WALLPOWER[3731] "
        + "PLL0[3346 2549 4722 13703] GHSspd[199241.07] DHspd[1.299%] GHSmm[201920.42] GHSavg[184007.00] WU[2570548.05] Freq[345.94] Led[0] "
        + "MGHS[59459.52 61407.83 63139.66] MTmax[77 78 77] MTavg[69 70 71] MVavg[285.7 286.3 285.8] TA[480] Core[A3197S] PING[131] POWS[0] "
        + "EEPROM[160 160 160] HASHS[0 0 0] POOLS[0] SoftOFF[0] ECHU[0 0 0] ECMM[0] SF0[300 318 339 360] "
        + "PVT_T0[ 66  65  63  62  64  64  66  65] FACOPTS0[] ATAOPTS0[--avalon10-freq 240:258:279:300 --avalon10-voltage-level 1180 --hash-asic 160] "
        + "ADJ[1] COP[0 0 0] MPO[3515] MVL[87] ATABD0[300 318 339 360] WORKMODE[1]";

    [Fact]
    public void Nano3_estats_give_hashrate_temperatures_fan_level_and_limit()
    {
        var stats = AvalonStats.Parse(CgminerReply.Parse("estats", Nano3Estats1e).EnsureSuccess().Root);

        Assert.Equal("nano3-24071801_42c628d", stats.Version);
        Assert.Equal(986, stats.MinerClock);
        Assert.Equal(2630.98, stats.HashrateGigahash);
        Assert.Equal(38, stats.InletTemperature);
        Assert.Equal([87.0], stats.ChipTemperatures);
        Assert.Equal([85.0], stats.BoardTemperatures);
        Assert.Equal([3030], stats.FanRpm);
        Assert.False(stats.SoftOff);
        Assert.Equal(1, stats.WorkLevel);
        Assert.Equal(90, stats.PowerLimitWatts);
        Assert.Null(stats.WallPowerWatts);
        Assert.Equal(TimeSpan.FromSeconds(512943), stats.Elapsed);
        Assert.Empty(stats.Errors);
    }

    /// <summary>
    /// A Nano 3S status string as an open-source collector's test fixture records it from a real device (trimmed):
    /// WORKMODE and WORKLEVEL both present, no WALLPOWER, watts as the last number of PS, ITemp[-273] and OTemp.
    /// </summary>
    private const string Nano3SStatusString =
        "Ver[Nano3s-25021401_56abae7] LVer[25021401_56abae7] FW[Release] SYSTEMSTATU[Work: In Work, Hash Board: 1] Elapsed[10027] "
        + "ITemp[-273] OTemp[65] TMax[95] TAvg[90] TarT[90] Fan1[1520] FanR[33%] PS[0 0 27541 4 0 3756 133] GHSspd[6598.84] "
        + "GHSmm[6783.65] GHSavg[6695.18] MTmax[95] MTavg[90] SoftOFF[0] ECHU[0] ECMM[0] ATA2[133-90-3756-432-20] WORKMODE[2] WORKLEVEL[0] MPO[133]";

    [Fact]
    public void Nano3S_status_string_gives_the_work_mode_the_PS_watts_and_the_outlet_temperature()
    {
        var reply = CgminerReply.Parse(
            "estats",
            """{"STATUS":[{"STATUS":"S","When":10027,"Code":70,"Msg":"CGMiner stats","Description":"cgminer 4.11.1"}],"STATS":[{"STATS":0,"ID":"AVANANO0","MM ID0":""" + "\"" + Nano3SStatusString + "\"" + "}],\"id\":1}");

        var stats = AvalonStats.Parse(reply.Root);

        Assert.Equal(2, stats.WorkMode);
        Assert.Equal(0, stats.WorkLevel);
        Assert.Equal(133, stats.PsWatts);
        Assert.Null(stats.WallPowerWatts);
        Assert.Equal(133, stats.PowerLimitWatts);
        Assert.Equal(65, stats.OutletTemperature);
        Assert.Null(stats.InletTemperature);
        Assert.Equal(6598.84, stats.HashrateGigahash);
    }

    [Fact]
    public void A15_status_string_gives_wall_power_per_board_temperatures_and_two_fans()
    {
        var reply = CgminerReply.Parse(
            "stats",
            """{"STATUS":[{"STATUS":"S","When":986,"Code":70,"Msg":"CGMiner stats","Description":"cgminer 4.11.1"}],"STATS":[{"STATS":0,"ID":"AVA100","MM ID0":""" + "\"" + A15StatusString + "\"" + "}],\"id\":1}");

        var stats = AvalonStats.Parse(reply.Root);

        Assert.Equal(3731, stats.WallPowerWatts);
        Assert.Equal(3515, stats.PowerLimitWatts);
        Assert.Equal([77.0, 78, 77], stats.ChipTemperatures);
        Assert.Equal([69.0, 70, 71], stats.BoardTemperatures);
        Assert.Equal([4275, 4282], stats.FanRpm);
        Assert.Equal("Work: In Work, Hash Board: 3", stats.SystemStatus);
        Assert.Null(stats.WorkLevel);
        Assert.Equal(199241.07, stats.HashrateGigahash);
    }

    [Fact]
    public void Tokens_keep_the_last_of_a_repeated_key_and_skip_inf_and_nan()
    {
        var tokens = AvalonStatusTokens.Parse("Temp[30] Temp[31] TMax[inf] MTmax[nan 70 inf] FanR[49%] Empty[]");

        Assert.Equal(31, tokens.Number("Temp"));
        Assert.Null(tokens.Number("TMax"));
        Assert.Equal([70.0], tokens.Numbers("MTmax"));
        Assert.Equal(49, tokens.Number("FanR"));
        Assert.Equal("", tokens.Text("Empty"));
        Assert.Null(tokens.Text("Missing"));
    }

    [Fact]
    public void Error_flags_are_reported_by_board()
    {
        var reply = CgminerReply.Parse("stats", """{"STATUS":[{"STATUS":"S"}],"STATS":[{"MM ID0":"GHSspd[0] ECHU[0 512 0] ECMM[4] SoftOFF[0]"}],"id":1}""");

        Assert.Equal(["ECHU[1]=512", "ECMM[0]=4"], AvalonStats.Parse(reply.Root).Errors);
    }

    [Fact]
    public void A_reply_without_the_status_string_is_a_protocol_error()
    {
        var reply = CgminerReply.Parse("stats", """{"STATUS":[{"STATUS":"S"}],"STATS":[{"STATS":0,"ID":"POOL0"}],"id":1}""");

        Assert.Throws<MinerProtocolException>(() => AvalonStats.Parse(reply.Root));
    }

    [Fact]
    public void Version_gives_product_model_and_firmware()
    {
        var reply = CgminerReply.Parse(
            "version",
            """{"STATUS":[{"STATUS":"S","When":986,"Code":22,"Msg":"CGMiner versions","Description":"cgminer 4.11.1"}],"VERSION":[{"CGMiner":"4.11.1","API":"3.7","PROD":"AvalonMiner 15-194","MODEL":"15-194","VERSION":"24102401_25462b2_9ddf522"}],"id":1}""");

        var version = AvalonVersion.Parse(reply.Root);

        Assert.Equal("AvalonMiner 15-194", version.Product);
        Assert.Equal("15-194", version.Model);
        Assert.Equal("24102401_25462b2_9ddf522", version.Firmware);
    }

    [Fact]
    public void Ascset_parameters_and_replies()
    {
        Assert.Equal("0,worklevel,set,2", AvalonCommands.WorkLevel(2));
        Assert.Equal("0,workmode,set,1", AvalonCommands.WorkMode(1));
        Assert.True(AvalonCommands.IsUnknownOption("ASC 0 set failed: Unknown option: workmode"));
        Assert.False(AvalonCommands.IsUnknownOption("ASC 0 set failed: workmode set,9"));
        Assert.Equal("0,softoff,1:1700000005", AvalonCommands.SoftOff(1700000005));
        Assert.Equal("0,softon,1:605", AvalonCommands.SoftOn(605));
        var ok = CgminerReply.Parse("ascset", """{"STATUS":[{"STATUS":"S","When":1700000000,"Code":119,"Msg":"ASC 0 set OK","Description":"cgminer 4.11.1"}],"id":1}""");
        Assert.True(ok.IsSuccess);
        Assert.True(AvalonCommands.IsSuccess(ok.Message));
        Assert.True(AvalonCommands.IsSuccess("ASC 0 set info: success softoff:1:605"));
        Assert.False(AvalonCommands.IsSuccess("ASC 0 set failed: worklevel set,7"));
    }

    [Theory]
    [InlineData("Avalon Nano3", "Nano3", "Avalon Nano 3", 125)]
    [InlineData("Avalon Nano3s", "Nano3s", "Avalon Nano 3S", 140)]
    [InlineData("Avalon Mini3", "Mini3", "Avalon Mini 3", 800)]
    [InlineData("AvalonMiner 15-194", "15-194", "AvalonMiner 15-194", 140)]
    public void Models_and_their_top_mode(string product, string model, string name, int topWatts)
    {
        var found = AvalonModel.For(product, model);

        Assert.Equal(name, found.Name);
        Assert.Equal(topWatts, found.Modes[^1].Watts);
    }

    [Theory]
    [InlineData("low", 0)]
    [InlineData("MID", 1)]
    [InlineData("high", 2)]
    [InlineData("2", 2)]
    [InlineData("turbo", null)]
    public void Nano_mode_names(string name, int? code) => Assert.Equal(code, AvalonModel.Nano3S.Find(name)?.Code);

    [Theory]
    [InlineData("night", 2)]
    [InlineData("Heating", 0)]
    [InlineData("mining", 1)]
    public void Mini3_mode_names_and_codes(string name, int code) => Assert.Equal(code, AvalonModel.Mini3.Find(name)?.Code);
}
