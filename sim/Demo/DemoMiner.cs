using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Demo;

/// <summary>One of the demo's miners.</summary>
/// <param name="Id">Its id in the fleet.</param>
/// <param name="Farm">The simulator behind it.</param>
internal sealed record DemoMiner(string Id, FarmMiner Farm)
{
    /// <summary>Its hardware.</summary>
    public MinerHardware Hardware => Farm.Hardware;
}
