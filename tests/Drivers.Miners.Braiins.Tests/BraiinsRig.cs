using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.Braiins;
using ProofOfHeat.TestKit.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>A Braiins OS simulator (token expiry jumps with its clock too) and its driver.</summary>
internal sealed class BraiinsRig(FakeTimeProvider clock, BraiinsSimulator miner, BraiinsSimulatorEndpoint where, BraiinsOsDriver driver)
    : SimulatorRig<BraiinsSimulator, BraiinsSimulatorEndpoint, BraiinsOsDriver>(clock, miner, where, driver)
{
    /// <summary>The shared bounds, with a power change allowed 3 s to settle (the pump moves 5 s per 20 ms).</summary>
    public static MinerTimeouts FastTimeouts { get; } = RigTimeouts.Fast with
    {
        Settle = TimeSpan.FromSeconds(3),
    };

    public static MinerTimeouts StallTimeouts { get; } = RigTimeouts.Stall(FastTimeouts);

    public int Logins => Miner.CountOf("POST", "/api/v1/auth/login");

    public static async Task<BraiinsRig> StartAsync(BraiinsSimulatorOptions? options = null, string? password = null, MinerTimeouts? timeouts = null)
    {
        var clock = new FakeTimeProvider();
        var miner = new BraiinsSimulator(clock, options);
        var where = await miner.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { HttpPort = where.HttpPort, Password = password };
        var driver = new BraiinsOsDriver(endpoint, new MinerDriverContext(TimeProvider.System, timeouts ?? FastTimeouts, NullLoggerFactory.Instance));
        return new BraiinsRig(clock, miner, where, driver);
    }
}
