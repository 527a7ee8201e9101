using ProofOfHeat.TestKit.HeatSources;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.SgReady;

/// <summary>The heat-source contract for the SG-Ready driver against a simulated heat pump behind two MQTT relays.</summary>
public sealed class SgReadyDriverContractTests : HeatSourceContractTests
{
    protected override async Task<HeatSourceRig> StartRigAsync() => await SgReadyContractRig.StartAsync();
}
