using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fakes;

/// <summary>A driver factory that hands out prepared drivers by host name, and typical capabilities.</summary>
internal sealed class FakeMinerFamily(Func<MinerEndpoint, IMinerDriver> create, string family = FakeMinerFamily.Id) : IMinerDriverFactory
{
    public const string Id = "fake";

    public static MinerCapabilities Continuous { get; } = new()
    {
        Model = "Fake S19",
        CanSleep = true,
        PowerControl = MinerPowerControl.Continuous,
        MinimumPowerWatts = 1000,
        MaximumPowerWatts = 3000,
        PowerStepWatts = 100,
        PowerChangeRestarts = false,
        TypicalSettleTime = TimeSpan.FromMinutes(1),
        ReportsPower = true,
    };

    public static MinerCapabilities Tiered { get; } = new()
    {
        Model = "Fake Nano 3",
        CanSleep = true,
        PowerControl = MinerPowerControl.Tiers,
        Tiers = [new MinerPowerTier("0", 60), new MinerPowerTier("1", 90), new MinerPowerTier("2", 125)],
        PowerChangeRestarts = false,
        TypicalSettleTime = TimeSpan.FromSeconds(10),
        ReportsPower = true,
    };

    public string Family => family;

    public string DisplayName => "Fake miner";

    public int Recognise(MinerProbeEvidence evidence) => 0;

    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => create(endpoint);
}
