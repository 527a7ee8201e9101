using ProofOfHeat.TestKit.HeatSources;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.OpenTherm;

/// <summary>The heat-source contract for the OTGW driver against the simulated gateway and boiler.</summary>
public sealed class OtgwDriverContractTests : HeatSourceContractTests
{
    protected override Task<HeatSourceRig> StartRigAsync() => Task.FromResult<HeatSourceRig>(new OtgwContractRig());
}
