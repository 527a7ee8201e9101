using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.Sim.Miners.Braiins;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>
/// A Braiins OS simulator on fake time (its physics and token expiry jump when a test advances the
/// clock) and a driver on real time with short bounds.
/// </summary>
internal sealed class BraiinsRig : IAsyncDisposable
{
    private BraiinsRig(FakeTimeProvider clock, BraiinsSimulator miner, BraiinsSimulatorEndpoint where, BraiinsOsDriver driver)
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
        Settle = TimeSpan.FromSeconds(3),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>For tests that wait out a reply timeout: short, so they stay fast.</summary>
    public static MinerTimeouts StallTimeouts { get; } = FastTimeouts with { Reply = TimeSpan.FromSeconds(1) };

    public FakeTimeProvider Clock { get; }

    public BraiinsSimulator Miner { get; }

    public BraiinsSimulatorEndpoint Where { get; }

    public BraiinsOsDriver Driver { get; }

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

    /// <summary>
    /// Lets the simulated machine ramp while the driver reads back: 5 s of its time every 20 ms of the driver's (a
    /// power change settles within the driver's settle bound of 3 s).
    /// </summary>
    public SimulatedTimePump Pump() => SimulatedTimePump.Start(Clock.Advance, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20), TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Miner.DisposeAsync();
    }
}
