using ProofOfHeat.TestKit.Miners;

namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>Recognition of VNish from probe evidence, and what the factory makes.</summary>
public sealed class VNishDriverFactoryTests
{
    private readonly VNishDriverFactory _factory = new();

    [Fact]
    public async Task The_simulators_web_root_gets_the_top_score()
    {
        await using var rig = await VNishRig.StartAsync();

        var evidence = await FirmwareProbe.OfAsync(rig.Driver.Endpoint);

        Assert.Equal(100, _factory.Recognise(evidence));
    }

    [Theory]
    [MemberData(nameof(FirmwareEvidence.NotOf), "vnish", MemberType = typeof(FirmwareEvidence))]
    public void Other_families_score_zero(string firmware)
    {
        Assert.Equal(0, _factory.Recognise(FirmwareEvidence.All[firmware]));
    }

    [Fact]
    public async Task Creates_a_vnish_driver_without_io()
    {
        await using var driver = _factory.Create(new MinerEndpoint("192.0.2.1"), MinerDriverContext.Default(TimeProvider.System));

        Assert.IsType<VNishDriver>(driver);
        Assert.Equal(MinerFamilies.VNish, driver.Family);
        Assert.Equal(MinerFamilies.VNish, _factory.Family);
    }
}
