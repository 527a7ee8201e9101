using ProofOfHeat.TestKit.HeatSources;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.EmsEsp;

/// <summary>The heat-source contract for the EMS-ESP driver against the simulated EMS-ESP on a real mosquitto.</summary>
public sealed class EmsEspDriverContractTests : HeatSourceContractTests
{
    protected override async Task<HeatSourceRig> StartRigAsync() => await EmsEspContractRig.StartAsync();
}
