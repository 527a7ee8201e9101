using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>One miner inside the fleet: its driver, dwell guard and protection state. Mutated only under <see cref="Gate"/>.</summary>
internal sealed class FleetMiner : IAsyncDisposable
{
    public FleetMiner(FleetMinerOptions options, MinerDwellOptions dwell, IMinerDriver driver)
    {
        Options = options;
        Dwell = dwell;
        Driver = driver;
        Guard = new MinerDwellGuard(MinerDwellTimes.For(dwell, options.Family, null));
        Snapshot = new MinerSnapshot { Id = options.Id, Name = options.DisplayName, Family = options.Family };
    }

    public FleetMinerOptions Options { get; }

    public MinerDwellOptions Dwell { get; }

    public IMinerDriver Driver { get; }

    public MinerDwellGuard Guard { get; }

    /// <summary>Serialises decisions and sends for this miner (the guard is not thread-safe).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Held while a poll runs, so polls of one miner never overlap.</summary>
    public SemaphoreSlim PollGate { get; } = new(1, 1);

    public MinerCapabilities? Capabilities { get; set; }

    public MinerReading? Reading { get; set; }

    /// <summary>The latest command others asked for (not overheat protection's), restored when protection lets go.</summary>
    public MinerCommand? Desired { get; set; }

    /// <summary>The latest power target or tier others asked for (or first seen), given back when a cap or protection lets go.</summary>
    public MinerCommand? DesiredTarget { get; set; }

    public int? PowerCap { get; set; }

    /// <summary>Who asked for the kept request and why, for the audit log when it is sent.</summary>
    public (string RequestedBy, string Reason) PendingOrigin { get; set; } = ("dwell", "deferred request");

    public MinerThermalState Thermal { get; set; } = MinerThermalState.Normal;

    /// <summary>The latest snapshot, replaced whole (read without the gate).</summary>
    public MinerSnapshot Snapshot { get; private set; }

    /// <summary>What to ask for when a cap or protection lets go: the wished target (or a wake), null when it should sleep.</summary>
    public MinerCommand? Wish => Desired?.Kind == MinerCommandKind.Sleep ? null : DesiredTarget ?? Desired;

    /// <summary>Takes a new snapshot of the state; call under <see cref="Gate"/>.</summary>
    public MinerSnapshot Refresh()
    {
        Snapshot = Snapshot with
        {
            Reading = Reading,
            Capabilities = Capabilities,
            IsOn = Guard.IsOn,
            Target = Guard.Target,
            Pending = Guard.Pending,
            PowerCapWatts = PowerCap,
            Thermal = Thermal,
        };
        return Snapshot;
    }

    /// <summary>The lower of the caps (the configured one and overheat protection's), W, or null.</summary>
    public int? EffectiveCap => (PowerCap, Thermal.CapWatts) switch
    {
        ({ } a, { } b) => Math.Min(a, b),
        (var a, var b) => a ?? b,
    };

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync().ConfigureAwait(false);
        Gate.Dispose();
        PollGate.Dispose();
    }

    /// <summary>Whether the last read failed (unreachable or a bad reply), so a failure is logged once, not per poll.</summary>
    public bool LastReadFailed { get; set; }
}
