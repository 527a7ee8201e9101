using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.TestKit.Miners;

/// <summary>
/// A miner simulator on fake time (its physics, restarts and token expiry jump when a test advances the clock) and a
/// driver on real time with short bounds (socket timeouts are real; verification polls quickly, so a test can advance
/// the miner's clock while a command waits for its read-back). Each family's rig derives and adds how it starts.
/// </summary>
/// <typeparam name="TMiner">The family's simulator.</typeparam>
/// <typeparam name="TWhere">Where the simulator listens.</typeparam>
/// <typeparam name="TDriver">The family's driver.</typeparam>
public abstract class SimulatorRig<TMiner, TWhere, TDriver>(FakeTimeProvider clock, TMiner miner, TWhere where, TDriver driver) : IAsyncDisposable
    where TMiner : IAsyncDisposable
    where TDriver : IMinerDriver
{
    /// <summary>The simulator's clock.</summary>
    public FakeTimeProvider Clock { get; } = clock;

    /// <summary>The simulated miner.</summary>
    public TMiner Miner { get; } = miner;

    /// <summary>Where the simulated miner listens.</summary>
    public TWhere Where { get; } = where;

    /// <summary>The driver under test.</summary>
    public TDriver Driver { get; } = driver;

    /// <summary>Lets the simulated machine ramp while the driver reads back: 5 s of its time every 20 ms of the driver's.</summary>
    public SimulatedTimePump Pump() => SimulatedTimePump.Start(Clock.Advance, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20), TimeProvider.System);

    /// <summary>Applies <paramref name="command"/> while the simulated machine's clock runs.</summary>
    public async Task<MinerCommandResult> ApplyWhileRunningAsync(MinerCommand command)
    {
        await using var pump = Pump();
        return await Driver.ApplyAsync(command, CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Miner.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
