using ProofOfHeat.Drivers.Miners.Antminer.Rpc;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>The bmminer RPC replies of pyasic's bmminer and Avalon fixtures, parsed as the driver reads them.</summary>
public sealed class BmminerCodecTests
{
    [Fact]
    public void Summary_of_an_S19_Pro_gives_gigahash_uptime_and_errors()
    {
        var summary = BmminerSummary.Parse(CgminerReply.Parse("summary", ResearchExamples.Summary1a).EnsureSuccess().Root);

        Assert.Equal(110566.89, summary.HashrateGigahash);
        Assert.Equal(111834.85, summary.AverageHashrateGigahash);
        Assert.Equal(TimeSpan.FromSeconds(50474), summary.Elapsed);
        Assert.Equal(562, summary.HardwareErrors);
    }

    [Fact]
    public void Summary_of_old_cgminer_converts_megahash()
    {
        var reply = CgminerReply.Parse("summary", """{"STATUS":[{"STATUS":"S","Code":11}],"SUMMARY":[{"MHS 5s":"13500000.5","Elapsed":60}],"id":1}""");

        Assert.Equal(13500.0005, BmminerSummary.Parse(reply.Root).HashrateGigahash!.Value, 6);
    }

    [Fact]
    public void Stats_of_an_S19_Pro_read_chains_1_to_3_with_the_sensor_quads()
    {
        var stats = BmminerStats.Parse(CgminerReply.Parse("stats", ResearchExamples.Stats1b).Root);

        Assert.Equal("Antminer S19 Pro", stats.Model);
        Assert.Equal([1, 2, 3], stats.Chains);
        Assert.Equal([73.0, 66, 64], stats.BoardTemperatures);
        Assert.Equal([78.0, 71, 69], stats.ChipTemperatures);
        Assert.Equal([6000, 5880, 5040, 5040], stats.FanRpm);
        Assert.Equal(110000.0, stats.IdealHashrateGigahash);
        Assert.Equal(110566.89, stats.HashrateGigahash);
        Assert.Equal(562, stats.HardwareErrors);
        Assert.Equal(TimeSpan.FromSeconds(50474), stats.Elapsed);
    }

    [Fact]
    public void Stats_of_an_S9_read_chains_6_to_8_fans_3_and_6_and_a_string_hashrate()
    {
        var stats = BmminerStats.Parse(CgminerReply.Parse("stats", ResearchExamples.Stats1c).Root);

        Assert.Equal("Antminer S9", stats.Model);
        Assert.Equal([6, 7, 8], stats.Chains);
        Assert.Equal([62.0, 60, 64], stats.BoardTemperatures);
        Assert.Equal([78.0, 75, 80], stats.ChipTemperatures);
        Assert.Equal([5880, 6000], stats.FanRpm);
        Assert.Equal(13612.44, stats.HashrateGigahash);
        Assert.Equal(35, stats.HardwareErrors);
    }

    [Fact]
    public void Version_names_the_model_and_software()
    {
        var reply = CgminerReply.Parse(
            "version",
            """{"STATUS":[{"STATUS":"S","When":1,"Code":22,"Msg":"CGMiner versions","Description":"bmminer 1.0.0"}],"VERSION":[{"BMMiner":"1.0.0","API":"3.1","Miner":"49.0.1.3","Type":"Antminer S19j Pro"}],"id":1}""" + "\0");

        var version = BmminerVersion.Parse(reply.Root);

        Assert.Equal("Antminer S19j Pro", version.Model);
        Assert.Equal("bmminer 1.0.0", version.Software);
    }

    [Fact]
    public void Access_denied_is_an_error_status()
    {
        var reply = CgminerReply.Parse("restart", ResearchExamples.Denied1d);

        Assert.False(reply.IsSuccess);
        Assert.Equal(45, reply.Code);
        Assert.Throws<MinerProtocolException>(() => reply.EnsureSuccess());
    }
}
