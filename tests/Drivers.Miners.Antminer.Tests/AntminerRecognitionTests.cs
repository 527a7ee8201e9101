using ProofOfHeat.Drivers.Miners.Detection;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Miners;
using ProofOfHeat.TestKit.Net;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>Firmware detection: the stock-Antminer factory on probes of its simulator and of other firmware.</summary>
public sealed class AntminerRecognitionTests
{
    private static readonly MinerDriverContext Quick = MinerDriverContext.Default(TimeProvider.System) with { Timeouts = AntminerRig.FastTimeouts };
    private static readonly AntminerStockDriverFactory Factory = new();

    [Fact]
    public async Task The_simulator_probes_as_stock_Antminer_with_the_top_score()
    {
        await using var rig = await AntminerRig.StartAsync();
        var catalog = new MinerDriverCatalog([Factory]);

        var detection = await new MinerFirmwareDetector(catalog, Quick).DetectAsync(rig.Driver.Endpoint with { WhatsminerV3Port = LoopbackPort.Unused() }, CancellationToken.None);

        Assert.Equal(MinerFamilies.AntminerStock, detection.Family);
        Assert.Equal(100, Factory.Recognise(detection.Evidence));
        Assert.Equal(401, detection.Evidence.HttpStatus);
        Assert.Contains("antMiner Configuration", detection.Evidence.HttpHeaders["www-authenticate"], StringComparison.Ordinal);
        Assert.Equal([MinerFamilies.AntminerStock], detection.Scores.Select(s => s.Family));
    }

    [Fact]
    public async Task An_Avalon_simulator_is_not_a_stock_Antminer()
    {
        await using var avalon = new AvalonSimulator(new FakeTimeProvider());
        var where = await avalon.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { RpcPort = where.RpcPort, HttpPort = where.HttpPort, WhatsminerV3Port = LoopbackPort.Unused() };

        var detection = await new MinerFirmwareDetector(new MinerDriverCatalog([Factory]), Quick).DetectAsync(endpoint, CancellationToken.None);

        Assert.Equal(0, Factory.Recognise(detection.Evidence));
        Assert.Null(detection.Family);
    }

    [Theory]
    [MemberData(nameof(FirmwareEvidence.NotOf), "antminer-stock", MemberType = typeof(FirmwareEvidence))]
    public void Other_firmware_scores_zero(string firmware)
    {
        Assert.True(Factory.Recognise(FirmwareEvidence.All[firmware]) == 0, firmware);
    }

    [Fact]
    public void A_bmminer_version_reply_alone_is_strong_evidence()
    {
        var evidence = new MinerProbeEvidence
        {
            Endpoint = new MinerEndpoint("192.0.2.10"),
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"bmminer 1.0.0"}],"VERSION":[{"BMMiner":"1.0.0","Type":"Antminer S19 Pro"}],"id":1}""",
        };

        Assert.Equal(80, Factory.Recognise(evidence));
    }
}
