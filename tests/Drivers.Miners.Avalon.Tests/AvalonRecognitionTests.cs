using ProofOfHeat.Drivers.Miners.Detection;
using ProofOfHeat.Sim.Miners.Antminer;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Miners;
using ProofOfHeat.TestKit.Net;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>Firmware detection: the Avalon factory on probes of its simulator and of other firmware.</summary>
public sealed class AvalonRecognitionTests
{
    private static readonly MinerDriverContext Quick = MinerDriverContext.Default(TimeProvider.System) with { Timeouts = AvalonRig.FastTimeouts };
    private static readonly AvalonDriverFactory Factory = new();

    [Theory]
    [InlineData("nano3")]
    [InlineData("mini3")]
    public async Task The_simulator_probes_as_Avalon_with_the_top_score(string model)
    {
        await using var rig = await AvalonRig.StartAsync(model == "mini3" ? AvalonSimulatorOptions.Mini3 : AvalonSimulatorOptions.Nano3);

        var detection = await new MinerFirmwareDetector(new MinerDriverCatalog([Factory]), Quick)
            .DetectAsync(rig.Driver.Endpoint with { WhatsminerV3Port = LoopbackPort.Unused() }, CancellationToken.None);

        Assert.Equal(MinerFamilies.Avalon, detection.Family);
        Assert.Equal(100, Factory.Recognise(detection.Evidence));
        Assert.Contains("Avalon", detection.Evidence.HttpBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stock_Antminer_simulator_is_not_an_Avalon()
    {
        await using var antminer = new AntminerSimulator(new FakeTimeProvider());
        var where = await antminer.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { RpcPort = where.RpcPort, HttpPort = where.HttpPort, WhatsminerV3Port = LoopbackPort.Unused() };

        var detection = await new MinerFirmwareDetector(new MinerDriverCatalog([Factory]), Quick).DetectAsync(endpoint, CancellationToken.None);

        Assert.NotNull(detection.Evidence.RpcVersionReply);
        Assert.Equal(0, Factory.Recognise(detection.Evidence));
    }

    [Theory]
    [MemberData(nameof(FirmwareEvidence.NotOf), "avalon", MemberType = typeof(FirmwareEvidence))]
    public void Other_firmware_scores_zero(string firmware) =>
        Assert.True(Factory.Recognise(FirmwareEvidence.All[firmware]) == 0, firmware);
}
