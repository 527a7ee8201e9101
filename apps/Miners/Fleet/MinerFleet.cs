using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>
/// The fleet: one driver per configured miner, each behind its own dwell guard and overheat protection. The
/// <see cref="MinerFleetApp"/> polls it and mirrors it into HA; other apps command it through <see cref="IMinerFleet"/>.
/// Reads of different miners run concurrently up to <see cref="MinerFleetOptions.MaxConcurrentPolls"/>; polls of one
/// miner never overlap, and its decisions and sends are serialised.
/// </summary>
public sealed partial class MinerFleet : IMinerFleet, IAsyncDisposable
{
    private readonly Dictionary<string, FleetMiner> _miners = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<MinerFleet> _logger;
    private readonly MinerOverheatPolicy _overheat;
    private readonly SemaphoreSlim _pollSlots;
    private readonly Subject<MinerAlert> _alertSubject = new();
    private readonly Subject<MinerSnapshot> _updateSubject = new();
    private readonly ISubject<MinerAlert> _alerts;
    private readonly ISubject<MinerSnapshot> _updates;
    private int _disposed;

    /// <summary>Creates a driver for every configured miner (no I/O yet).</summary>
    /// <param name="options">The fleet's options (validated here).</param>
    /// <param name="catalog">The firmware families known.</param>
    /// <param name="context">The drivers' clock, timeouts and logging; its clock is the fleet's.</param>
    /// <param name="logger">The audit log.</param>
    /// <exception cref="ArgumentException">The options cannot work.</exception>
    /// <exception cref="KeyNotFoundException">A miner names a family no driver has.</exception>
    public MinerFleet(MinerFleetOptions options, MinerDriverCatalog catalog, MinerDriverContext context, ILogger<MinerFleet> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Options = options;
        _time = context.Time;
        _logger = logger;
        _overheat = new MinerOverheatPolicy(options.Overheat);
        _pollSlots = new SemaphoreSlim(options.MaxConcurrentPolls, options.MaxConcurrentPolls);
        _alerts = Subject.Synchronize(_alertSubject);
        _updates = Subject.Synchronize(_updateSubject);
        foreach (var miner in options.Miners)
        {
            var driver = catalog.Create(miner.Family, miner.ToEndpoint(), context);
            _miners.Add(miner.Id, new FleetMiner(miner, miner.Dwell ?? options.Dwell, driver));
        }

        MinerIds = [.. options.Miners.Select(m => m.Id)];
    }

    /// <summary>The options the fleet runs with.</summary>
    public MinerFleetOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> MinerIds { get; }

    /// <inheritdoc />
    public IObservable<MinerAlert> Alerts => _alerts.AsObservable();

    /// <inheritdoc />
    public IObservable<MinerSnapshot> Updates => _updates.AsObservable();

    /// <inheritdoc />
    public MinerSnapshot GetSnapshot(string minerId) => Find(minerId).Snapshot;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The container disposes it once as MinerFleet and once as IMinerFleet.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var miner in _miners.Values)
        {
            await miner.DisposeAsync().ConfigureAwait(false);
        }

        _pollSlots.Dispose();
        _alertSubject.OnCompleted();
        _updateSubject.OnCompleted();
        _alertSubject.Dispose();
        _updateSubject.Dispose();
    }

    private FleetMiner Find(string minerId)
    {
        ArgumentNullException.ThrowIfNull(minerId);
        return _miners.TryGetValue(minerId, out var miner)
            ? miner
            : throw new KeyNotFoundException($"No miner '{minerId}' in the fleet; the miners are: {string.Join(", ", MinerIds)}.");
    }

    private MinerSnapshot Publish(FleetMiner miner)
    {
        var snapshot = miner.Refresh();
        _updates.OnNext(snapshot);
        return snapshot;
    }
}
