using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
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
    private readonly List<DisabledMiner> _disabled = [];
    private readonly IAuditTrail? _audit;
    private int _disposed;

    /// <summary>
    /// Creates a driver for every configured miner that can work (no I/O yet). An entry that cannot (a bad id, host or
    /// port, an id used twice, a family no driver has) is disabled alone, with its reason logged once and kept in
    /// <see cref="DisabledMiners"/>: one typo must not take the other miners' polling and overheat protection with it.
    /// </summary>
    /// <param name="options">The fleet's options (the fleet-wide ones validated here).</param>
    /// <param name="catalog">The firmware families known.</param>
    /// <param name="context">The drivers' clock, timeouts and logging; its clock is the fleet's.</param>
    /// <param name="logger">The audit log.</param>
    /// <param name="audit">The audit trail every decision and command also goes to; none in tests that do not look.</param>
    /// <exception cref="ArgumentException">The fleet-wide options cannot work.</exception>
    public MinerFleet(MinerFleetOptions options, MinerDriverCatalog catalog, MinerDriverContext context, ILogger<MinerFleet> logger, IAuditTrail? audit = null)
    {
        _audit = audit;
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
        var problems = options.FindMinerProblems();
        var ids = new List<string>();
        var position = 0;
        foreach (var miner in options.Miners ?? [])
        {
            position++;
            if (miner is null)
            {
                continue;
            }

            var mistakes = problems.Where(p => ReferenceEquals(p.Miner, miner)).Select(p => p.Problem).ToList();
            if (mistakes.Count == 0 && !catalog.Contains(miner.Family))
            {
                mistakes.Add($"no miner driver has the family '{miner.Family}'");
            }

            if (mistakes.Count > 0)
            {
                Disable(miner, position, string.Join("; ", mistakes));
                continue;
            }

            IMinerDriver driver;
            try
            {
                driver = catalog.Create(miner.Family, miner.ToEndpoint(), context);
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
            {
                // A plugin's factory may refuse what the checks above let through; that too disables only this miner.
                Disable(miner, position, e.Message);
                continue;
            }

            _miners.Add(miner.Id, new FleetMiner(miner, miner.Dwell ?? options.Dwell, driver));
            ids.Add(miner.Id);
        }

        MinerIds = ids;
    }

    /// <summary>The configured miners not run because their entries cannot work, with the reasons, in the order written.</summary>
    public IReadOnlyList<DisabledMiner> DisabledMiners => _disabled;

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

    private void Disable(FleetMinerOptions miner, int position, string reason)
    {
        var id = string.IsNullOrWhiteSpace(miner.Id) ? $"#{position}" : miner.Id;
        _disabled.Add(new DisabledMiner(id, reason));
        LogMinerDisabled(_logger, id, reason);
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
