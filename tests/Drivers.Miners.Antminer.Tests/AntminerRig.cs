using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.Antminer;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>
/// A stock-Antminer simulator on fake time (its physics jumps when a test advances the clock) and a
/// driver on real time with short bounds (socket timeouts are real; verification reads back at once).
/// </summary>
internal sealed class AntminerRig : IAsyncDisposable
{
    private AntminerRig(FakeTimeProvider clock, AntminerSimulator miner, AntminerStockDriver driver)
    {
        Clock = clock;
        Miner = miner;
        Driver = driver;
    }

    // Long enough for the first, cold HTTP request of the test process on a busy two-core machine
    // (seconds of JIT); tests that wait for a timeout on purpose use StallTimeouts after a warm-up.
    public static MinerTimeouts FastTimeouts { get; } = new()
    {
        Connect = TimeSpan.FromSeconds(10),
        Reply = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Verify = TimeSpan.FromMilliseconds(300),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Short bounds for tests that wait for a timeout on purpose.</summary>
    public static MinerTimeouts StallTimeouts { get; } = FastTimeouts with { Reply = TimeSpan.FromSeconds(1) };

    public FakeTimeProvider Clock { get; }

    public AntminerSimulator Miner { get; }

    public AntminerStockDriver Driver { get; }

    // The first HTTP exchange of the test process compiles a lot (seconds on a busy machine); it is paid once, up front.
    private static readonly Lazy<Task> ProcessWarmUp = new(async () =>
    {
        await using var miner = new AntminerSimulator(new FakeTimeProvider());
        var where = await miner.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { RpcPort = where.RpcPort, HttpPort = where.HttpPort };
        await using var driver = new AntminerStockDriver(endpoint, new MinerDriverContext(TimeProvider.System, FastTimeouts, NullLoggerFactory.Instance));
        await driver.ReadAsync(CancellationToken.None);
        await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
    });

    public static async Task<AntminerRig> StartAsync(AntminerSimulatorOptions? options = null, string? password = null, MinerTimeouts? timeouts = null)
    {
        await ProcessWarmUp.Value;
        var clock = new FakeTimeProvider();
        var miner = new AntminerSimulator(clock, options);
        var where = await miner.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { RpcPort = where.RpcPort, HttpPort = where.HttpPort, Password = password };
        var driver = new AntminerStockDriver(endpoint, new MinerDriverContext(TimeProvider.System, timeouts ?? FastTimeouts, NullLoggerFactory.Instance));
        return new AntminerRig(clock, miner, driver);
    }

    /// <summary>Reads once through a driver with generous bounds, so the code paths are compiled before a test times anything.</summary>
    public async Task WarmUpAsync()
    {
        await using var warm = new AntminerStockDriver(Driver.Endpoint, new MinerDriverContext(TimeProvider.System, FastTimeouts, NullLoggerFactory.Instance));
        await warm.ReadAsync(CancellationToken.None);
        await warm.GetCapabilitiesAsync(CancellationToken.None);
    }

    /// <summary>How many configuration writes the miner accepted.</summary>
    public int Writes => Miner.CountOf("POST /cgi-bin/set_miner_conf.cgi 200");

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Miner.DisposeAsync();
    }
}
