using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.VNish;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>
/// A VNish simulator on fake time (its physics, restarts and lockouts jump when a test advances the
/// clock) and a driver on real time with short bounds.
/// </summary>
internal sealed class VNishRig : IAsyncDisposable
{
    private VNishRig(FakeTimeProvider clock, VNishSimulator miner, VNishSimulatorEndpoint where, VNishDriver driver)
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

    public VNishSimulator Miner { get; }

    public VNishSimulatorEndpoint Where { get; }

    public VNishDriver Driver { get; }

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

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Miner.DisposeAsync();
    }
}
