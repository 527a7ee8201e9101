using ProofOfHeat.TestKit.Miners;

namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>Recognition of Braiins OS from probe evidence, and what the factory makes.</summary>
public sealed class BraiinsOsDriverFactoryTests
{
    private readonly BraiinsOsDriverFactory _factory = new();

    [Fact]
    public async Task The_simulators_web_root_gets_the_top_score()
    {
        await using var rig = await BraiinsRig.StartAsync();

        var evidence = await FirmwareProbe.OfAsync(rig.Driver.Endpoint);

        Assert.Equal(100, _factory.Recognise(evidence));
    }

    [Fact]
    public void A_bosminer_version_reply_is_recognised() =>
        Assert.True(_factory.Recognise(new MinerProbeEvidence
        {
            Endpoint = new MinerEndpoint("192.0.2.1"),
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Code":22,"Msg":"BOSminer+ versions","Description":"BOSminer+ 0.2.0"}],"VERSION":[{"BOSminer+":"0.2.0"}],"id":1}""",
        }) > 0);

    [Theory]
    [MemberData(nameof(FirmwareEvidence.NotOf), "braiins-os", MemberType = typeof(FirmwareEvidence))]
    public void Other_families_score_zero(string firmware)
    {
        Assert.Equal(0, _factory.Recognise(FirmwareEvidence.All[firmware]));
    }

    [Fact]
    public async Task Creates_a_braiins_driver_without_io()
    {
        await using var driver = _factory.Create(new MinerEndpoint("192.0.2.1"), MinerDriverContext.Default(TimeProvider.System));

        Assert.IsType<BraiinsOsDriver>(driver);
        Assert.Equal(MinerFamilies.BraiinsOs, driver.Family);
        Assert.Equal(MinerFamilies.BraiinsOs, _factory.Family);
    }
}
