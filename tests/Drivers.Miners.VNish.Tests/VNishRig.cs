using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.VNish;
using ProofOfHeat.TestKit.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>A VNish simulator (restarts and lockouts jump with its clock too) and its driver.</summary>
internal sealed class VNishRig(FakeTimeProvider clock, VNishSimulator miner, VNishSimulatorEndpoint where, VNishDriver driver)
    : SimulatorRig<VNishSimulator, VNishSimulatorEndpoint, VNishDriver>(clock, miner, where, driver)
{
    public static MinerTimeouts FastTimeouts => RigTimeouts.Fast;

    public static MinerTimeouts StallTimeouts { get; } = RigTimeouts.Stall(RigTimeouts.Fast);

    public int Unlocks => Miner.CountOf("POST", "/api/v1/unlock");

    public static async Task<VNishRig> StartAsync(VNishSimulatorOptions? options = null, string? password = null, MinerTimeouts? timeouts = null)
    {
        var clock = new FakeTimeProvider();
        var miner = new VNishSimulator(clock, options);
        var where = await miner.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { HttpPort = where.HttpPort, Password = password };
        var driver = new VNishDriver(endpoint, new MinerDriverContext(TimeProvider.System, timeouts ?? FastTimeouts, NullLoggerFactory.Instance));
        return new VNishRig(clock, miner, where, driver);
    }
}
