using ProofOfHeat.TestKit.Miners;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>Recognition of LuxOS from probe evidence, and what the factory makes.</summary>
public sealed class LuxOsDriverFactoryTests
{
    private readonly LuxOsDriverFactory _factory = new();

    [Fact]
    public async Task The_simulators_evidence_gets_the_top_score()
    {
        await using var rig = await LuxOsRig.StartAsync();

        var evidence = await FirmwareProbe.OfAsync(rig.Endpoint, withRpc: true);

        Assert.Contains("LUXminer", evidence.RpcVersionReply, StringComparison.Ordinal);
        Assert.Equal(100, _factory.Recognise(evidence));
    }

    [Fact]
    public async Task The_web_root_alone_is_recognised()
    {
        await using var rig = await LuxOsRig.StartAsync();

        var evidence = await FirmwareProbe.OfAsync(rig.Endpoint, withRpc: true) with { RpcVersionReply = null };

        Assert.True(_factory.Recognise(evidence) > 0);
    }

    [Theory]
    [MemberData(nameof(FirmwareEvidence.NotOf), "luxos", MemberType = typeof(FirmwareEvidence))]
    public void Other_families_score_zero(string firmware)
    {
        Assert.Equal(0, _factory.Recognise(FirmwareEvidence.All[firmware]));
    }

    [Fact]
    public async Task Creates_a_luxos_driver_without_io()
    {
        await using var driver = _factory.Create(new MinerEndpoint("192.0.2.1"), MinerDriverContext.Default(TimeProvider.System));

        Assert.IsType<LuxOsDriver>(driver);
        Assert.Equal(MinerFamilies.LuxOs, driver.Family);
        Assert.Equal(MinerFamilies.LuxOs, _factory.Family);
    }
}
