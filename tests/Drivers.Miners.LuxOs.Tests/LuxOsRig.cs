using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.LuxOs;
using ProofOfHeat.TestKit.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>A LuxOS simulator and its driver.</summary>
internal sealed class LuxOsRig(FakeTimeProvider clock, LuxOsSimulator miner, LuxOsSimulatorEndpoint where, LuxOsDriver driver)
    : SimulatorRig<LuxOsSimulator, LuxOsSimulatorEndpoint, LuxOsDriver>(clock, miner, where, driver)
{
    public static MinerTimeouts FastTimeouts => RigTimeouts.Fast;

    public static MinerTimeouts StallTimeouts { get; } = RigTimeouts.Stall(RigTimeouts.Fast);

    public MinerEndpoint Endpoint => Driver.Endpoint;

    public static async Task<LuxOsRig> StartAsync(LuxOsSimulatorOptions? options = null, MinerTimeouts? timeouts = null)
    {
        var clock = new FakeTimeProvider();
        var miner = new LuxOsSimulator(clock, options);
        var where = await miner.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { RpcPort = where.RpcPort, HttpPort = where.HttpPort };
        var driver = new LuxOsDriver(endpoint, new MinerDriverContext(TimeProvider.System, timeouts ?? FastTimeouts, NullLoggerFactory.Instance));
        return new LuxOsRig(clock, miner, where, driver);
    }
}
