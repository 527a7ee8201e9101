using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>An Avalon simulator (its own clock moves with the fake time too) and its driver.</summary>
internal sealed class AvalonRig(FakeTimeProvider clock, AvalonSimulator miner, AvalonSimulatorEndpoint where, AvalonDriver driver)
    : SimulatorRig<AvalonSimulator, AvalonSimulatorEndpoint, AvalonDriver>(clock, miner, where, driver)
{
    /// <summary>The shared bounds, with a longer read-back (work-mode changes) and 3 s to settle.</summary>
    public static MinerTimeouts FastTimeouts { get; } = RigTimeouts.Fast with
    {
        Verify = TimeSpan.FromMilliseconds(1500),
        Settle = TimeSpan.FromSeconds(3),
    };

    /// <summary>Short bounds for tests that wait for a timeout on purpose.</summary>
    public static MinerTimeouts StallTimeouts { get; } = RigTimeouts.Stall(FastTimeouts);

    // Pays the test process's first RPC exchange (JIT on a busy machine) once, before any test times anything.
    private static readonly Lazy<Task> ProcessWarmUp = new(async () =>
    {
        await using var miner = new AvalonSimulator(new FakeTimeProvider());
        var where = await miner.StartAsync(CancellationToken.None);
        await using var driver = new AvalonDriver(new MinerEndpoint(where.Host) { RpcPort = where.RpcPort }, Context(FastTimeouts));
        await driver.ReadAsync(CancellationToken.None);
        await driver.ApplyAsync(MinerCommand.SetTier("high"), CancellationToken.None);
    });

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

    private static MinerDriverContext Context(MinerTimeouts timeouts) => new(TimeProvider.System, timeouts, NullLoggerFactory.Instance);
}
