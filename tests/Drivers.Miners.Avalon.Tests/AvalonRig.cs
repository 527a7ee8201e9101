using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>
/// An Avalon simulator on fake time (its physics and its own clock move when a test advances the
/// clock) and a driver on real time with short bounds (socket timeouts are real; verification polls
/// quickly, so a test can advance the miner's clock while a command waits for its read-back).
/// </summary>
internal sealed class AvalonRig : IAsyncDisposable
{
    private AvalonRig(FakeTimeProvider clock, AvalonSimulator miner, AvalonSimulatorEndpoint where, AvalonDriver driver)
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
        Verify = TimeSpan.FromMilliseconds(1500),
        Settle = TimeSpan.FromSeconds(3),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Short bounds for tests that wait for a timeout on purpose.</summary>
    public static MinerTimeouts StallTimeouts { get; } = FastTimeouts with { Reply = TimeSpan.FromSeconds(1) };

    // Pays the test process's first RPC exchange (JIT on a busy machine) once, before any test times anything.
    private static readonly Lazy<Task> ProcessWarmUp = new(async () =>
    {
        await using var miner = new AvalonSimulator(new FakeTimeProvider());
        var where = await miner.StartAsync(CancellationToken.None);
        await using var driver = new AvalonDriver(new MinerEndpoint(where.Host) { RpcPort = where.RpcPort }, Context(FastTimeouts));
        await driver.ReadAsync(CancellationToken.None);
        await driver.ApplyAsync(MinerCommand.SetTier("high"), CancellationToken.None);
    });

    public FakeTimeProvider Clock { get; }

    public AvalonSimulator Miner { get; }

    public AvalonSimulatorEndpoint Where { get; }

    public AvalonDriver Driver { get; }

    public int AscSets => Miner.CountOf("ascset");

    public static async Task<AvalonRig> StartAsync(AvalonSimulatorOptions? options = null, MinerTimeouts? timeouts = null)
    {
        await ProcessWarmUp.Value;
        var clock = new FakeTimeProvider();
        var miner = new AvalonSimulator(clock, options);
        var where = await miner.StartAsync(CancellationToken.None);
        var endpoint = new MinerEndpoint(where.Host) { RpcPort = where.RpcPort, HttpPort = where.HttpPort };
        return new AvalonRig(clock, miner, where, new AvalonDriver(endpoint, Context(timeouts ?? FastTimeouts)));
    }

    /// <summary>Waits (briefly, in real time) until the simulator has received <paramref name="count"/> ascset commands.</summary>
    public async Task UntilAscSetsAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        while (AscSets < count)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the simulator received {AscSets} ascset, expected {count}");
            await Task.Yield();
            await Task.Delay(5, CancellationToken.None);
        }
    }

    /// <summary>Lets the simulated machine ramp while the driver reads back: 5 s of its time every 20 ms of the driver's.</summary>
    public SimulatedTimePump Pump() => SimulatedTimePump.Start(Clock.Advance, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20), TimeProvider.System);

    /// <summary>Applies <paramref name="command"/> while the simulated machine's clock runs.</summary>
    public async Task<MinerCommandResult> ApplyWhileRunningAsync(MinerCommand command)
    {
        await using var pump = Pump();
        return await Driver.ApplyAsync(command, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Miner.DisposeAsync();
    }

    private static MinerDriverContext Context(MinerTimeouts timeouts) => new(TimeProvider.System, timeouts, NullLoggerFactory.Instance);
}
