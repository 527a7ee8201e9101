using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.LuxOs;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>
/// A LuxOS simulator on fake time (its physics jumps when a test advances the clock) and a driver
/// on real time with short bounds (socket timeouts are real; verification reads back at once).
/// </summary>
internal sealed class LuxOsRig : IAsyncDisposable
{
    private LuxOsRig(FakeTimeProvider clock, LuxOsSimulator miner, LuxOsSimulatorEndpoint where, LuxOsDriver driver)
    {
        Clock = clock;
        Miner = miner;
        Where = where;
        Driver = driver;
    }

    public static MinerTimeouts FastTimeouts { get; } = new()
    {
        Connect = TimeSpan.FromSeconds(10),
        Reply = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Verify = TimeSpan.FromMilliseconds(500),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>For tests that wait out a reply timeout: short, so they stay fast.</summary>
    public static MinerTimeouts StallTimeouts { get; } = FastTimeouts with { Reply = TimeSpan.FromSeconds(1) };

    public FakeTimeProvider Clock { get; }

    public LuxOsSimulator Miner { get; }

    public LuxOsSimulatorEndpoint Where { get; }

    public LuxOsDriver Driver { get; }

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

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Miner.DisposeAsync();
    }
}
