using ProofOfHeat.Host.Demo;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Host.Tests.Miners;

public sealed class DemoFleetDispatchTests
{
    private static readonly DemoMiner[] Miners =
    [
        Miner("small", 300, 800),
        Miner("big", 1200, 3000),
        Miner("spare", 1500, 3000),
    ];

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(200, 0, 0, 0)]
    [InlineData(500, 500, 0, 0)]
    [InlineData(1500, 800, 0, 0)]
    [InlineData(2000, 800, 1200, 0)]
    [InlineData(3000, 800, 2200, 0)]
    [InlineData(5500, 800, 3000, 1700)]
    [InlineData(99999, 800, 3000, 3000)]
    public void Fills_the_miners_in_order_each_within_its_range(int demand, int small, int big, int spare)
    {
        Assert.Equal([("small", small), ("big", big), ("spare", spare)], DemoFleetDispatchApp.Share(Miners, demand));
    }

    private static DemoMiner Miner(string id, int minimum, int nominal)
    {
        var hardware = new MinerHardware(
            new MinerHardwareSpec { Model = id, MinimumPowerWatts = minimum, NominalPowerWatts = nominal, JoulesPerTerahash = 20 }, TimeProvider.System);
        return new DemoMiner(id, new FarmMiner("test", "127.0.0.1", 0, null, null, hardware, new MinerFaults(), NoSimulator.Instance));
    }

    private sealed class NoSimulator : IAsyncDisposable
    {
        public static NoSimulator Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
