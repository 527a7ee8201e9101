using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Control;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// The heating app's wiring of its zones (one or many): follows the room sensors, window contacts, user changes (HA
/// entities, API) and the control period; each decision resolves every zone's target, asks the optimiser or TPI for
/// its demand, combines the demands per source, delivers TPI's fractions time-proportioned within each source's
/// cycle (<see cref="TimeProportionalDrive"/>, waking at each phase change) and sends the commands. All judgement is
/// in the pieces it calls.
/// </summary>
internal sealed partial class MultiZoneHeating : IDisposable
{
    /// <summary>The start of the reason given while a zone's room sensor is silent (for people; code reads <see cref="ZoneRule"/>).</summary>
    public const string SilentSensorReason = "room sensor silent";

    private readonly IHaContext _ha;
    private readonly IAppScheduler _scheduler;
    private readonly HeatingOptions _options;
    private readonly IHeatingControl _control;
    private readonly IHeatingEntities? _entities;
    private readonly IReadOnlyDictionary<string, IHeatSourceCommander> _commanders;
    private readonly IHeatingDecisionJournal _journal;
    private readonly ILogger _logger;
    private readonly TpiController _tpi;
    private readonly NightLimit _nightLimit;
    private readonly PriceTracker _prices;
    private readonly TimeZoneInfo _timeZone;
    private readonly SemaphoreSlim _deciding = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, WindowDetector> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoneReading> _readings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoneStatus> _published = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<string, ZoneOptimiser> _optimisers = new(StringComparer.Ordinal);
    // Every configured source from the start (zones may only name configured sources), so lookups never miss.
    private readonly Dictionary<string, SourceState> _sourceStates = new(StringComparer.Ordinal);
    // One TPI drive per source: the cycle a fraction-driven source is in.
    private readonly Dictionary<string, TimeProportionalDrive> _drives = new(StringComparer.Ordinal);
    private (DateTimeOffset At, IDisposable Handle)? _phaseWake;
    private HeatingPlanInputs? _lastInputs;
    private readonly SafeThermostatKeeper? _safeThermostat;
    private readonly HeatingTelemetry? _telemetry;
    private volatile bool _disposed;

    public MultiZoneHeating(
        IHaContext ha,
        IAppScheduler scheduler,
        HeatingOptions options,
        IHeatingControl control,
        IHeatingEntities? entities,
        IReadOnlyDictionary<string, IHeatSourceCommander> commanders,
        IHeatingDecisionJournal journal,
        ILogger logger,
        IHeatingHistoryStore? history = null,
        SafeThermostatKeeper? safeThermostat = null,
        HeatingTelemetry? telemetry = null)
    {
        _safeThermostat = safeThermostat;
        _telemetry = telemetry;
        // Running again: the app commands its sources itself, so a thermostat left from its last stop lets go.
        safeThermostat?.Release(options.Sources.Select(s => s.Id));
        _ha = ha;
        _scheduler = scheduler;
        _options = options;
        _control = control;
        _entities = entities;
        _commanders = commanders;
        _journal = journal;
        _logger = logger;
        _tpi = new TpiController(new TpiOptions { CoefInt = options.TpiCoefInt, CoefExt = options.TpiCoefExt });
        _nightLimit = new NightLimit(options.NightLimit);
        _prices = new PriceTracker(options.Prices, logger);
        _timeZone = HeatingZonesValidation.HomeTimeZone(options) ?? scheduler.TimeProvider.LocalTimeZone;
        var now = scheduler.TimeProvider.GetUtcNow();
        foreach (var source in options.Sources)
        {
            // Unknown past: nothing the app did holds a source to a minimum on or off time.
            _sourceStates[source.Id] = SourceState.Unknown(now);
            var limits = new TpiSourceLimits([.. source.PowerLevels.Select(l => (double)l)], source.Modulating, source.MinimumOn, source.MinimumOff);
            _drives[source.Id] = new TimeProportionalDrive(limits, options.ControlPeriod, options.TpiMaxCycle);
        }

        foreach (var zone in options.Zones)
        {
            if (options.Optimiser.Enabled)
            {
                var sources = options.Sources.Where(s => zone.Sources.Contains(s.Id, StringComparer.Ordinal)).ToList();
                _optimisers[zone.Id] = new ZoneOptimiser(zone.Id, sources, options.Optimiser, history);
            }

            var window = new WindowDetector(options.Window, zone.WindowEntity is not null);
            _windows[zone.Id] = window;
            _readings[zone.Id] = new ZoneReading
            {
                LastSeen = ha.GetState(zone.RoomTemperatureEntity) is { IsUnavailable: false } room ? room.LastUpdated : null,
            };
            var id = zone.Id;
            _subscriptions.Add(ha.Entity(zone.RoomTemperatureEntity).StateAllChanges().Subscribe(c => OnRoomChanged(id, c)));
            if (zone.WindowEntity is { } contact)
            {
                window.SetContact(now, ha.Entity(contact).IsOn());
                _subscriptions.Add(ha.Entity(contact).StateChanges().Subscribe(c => OnWindowChanged(id, c)));
            }
        }

        if (entities is not null)
        {
            _subscriptions.Add(entities.Commands.Select(c => Observable.FromAsync(ct => ApplyAsync(c, ct))).Concat().Subscribe(_ => { }, OnCommandStreamFailed));
        }

        _subscriptions.Add(scheduler.RunEvery(options.ControlPeriod, options.FirstDecisionAfter, DecideAsync));
        if (_optimisers.Count > 0)
        {
            _subscriptions.Add(scheduler.RunEvery(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), RecordAsync));
            StartForecast();
        }

        if (telemetry is not null)
        {
            // What a source draws changes between decisions (a miner ramping up): sampled every minute.
            _subscriptions.Add(scheduler.RunEvery(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), SampleSourcesAsync));
        }
    }

    public HeatingPlanInputs? LastInputs
    {
        get
        {
            lock (_gate)
            {
                return _lastInputs;
            }
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _control.SeedAsync(HeatingZonesValidation.ProfilesOrDefault(_options), _options.ActiveProfile, cancellationToken);
        _entities?.PublishProfiles(_control.Active.Profile.Name, _control.ProfileNames);

        // Followed only from here, so seeding does not decide before the first period, like the single-zone app.
        _subscriptions.Add(_control.Changed.Subscribe(OnControlChanged));

        // History kept from before a restart can identify the house at once, rather than at the first minute;
        // on the scheduler, so the app's start does not wait for the fit.
        if (_optimisers.Count > 0)
        {
            _scheduler.RunIn(TimeSpan.Zero, IdentifyDueAsync);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        lock (_gate)
        {
            _phaseWake?.Handle.Dispose();
        }
    }

    /// <summary>Whether the source runs and how long since it switched on or off, for its TPI drive's minimum times.</summary>
    private TpiSourceStatus SourceStatus(string sourceId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var state = _sourceStates[sourceId];
            return new TpiSourceStatus(state.Level > 0, now - state.Since);
        }
    }

    /// <summary>
    /// Decides again when a time-proportioned source changes phase before the next control period (an on/off heater at
    /// 30 % switches off 3 minutes into a 10-minute cycle). One wake-up is pending at a time: a nearer one replaces it.
    /// </summary>
    private void WakeForNextPhase(DateTimeOffset? nextChange, DateTimeOffset now)
    {
        if (nextChange is not { } at || at <= now || at - now >= _options.ControlPeriod || _disposed)
        {
            return;
        }

        lock (_gate)
        {
            if (_phaseWake is { } pending && pending.At > now && pending.At <= at)
            {
                return;
            }

            _phaseWake?.Handle.Dispose();
            _phaseWake = (at, _scheduler.RunIn(at - now, DecideAsync));
        }
    }

    // One-shot runs are not kept: the app's scheduler cancels whatever is pending when the app stops.
    private void DecideSoon() => _scheduler.RunIn(TimeSpan.Zero, DecideAsync);

    private async Task ApplyAsync(HeatingEntityCommand command, CancellationToken cancellationToken)
    {
        try
        {
            switch (command.Kind)
            {
                case HeatingCommandKind.Mode:
                    _control.SetMode(command.ZoneId!, command.Text == "off" ? ZoneMode.Off : ZoneMode.Heat);
                    break;
                case HeatingCommandKind.Target:
                    _control.SetTarget(command.ZoneId!, command.Number!.Value, _options.OverrideTtl);
                    break;
                case HeatingCommandKind.Preset when HeatingPresetNames.TryParse(command.Text, out var preset):
                    _control.SetPreset(command.ZoneId!, preset, preset == HeatingPreset.Boost ? _options.BoostDuration : _options.OverrideTtl);
                    break;
                case HeatingCommandKind.Preset:
                    _control.SetPreset(command.ZoneId!, null, null);
                    break;
                case HeatingCommandKind.Profile:
                    await _control.SwitchProfileAsync(command.Text!, cancellationToken);
                    break;
            }

            LogCommand(_logger, command.Kind, command.ZoneId ?? "-", command.Text ?? command.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException)
        {
            LogCommandRefused(_logger, ex, command.Kind, command.ZoneId ?? "-");
        }
    }

    private void OnControlChanged(string? zoneId)
    {
        // A profile change may come from the API or Telegram as well as from HA's select: show it either way.
        if (zoneId is null)
        {
            _entities?.PublishProfiles(_control.Active.Profile.Name, _control.ProfileNames);
        }

        DecideSoon();
    }

    private void OnCommandStreamFailed(Exception ex) => LogCommandStreamFailed(_logger, ex);

    private void OnRoomChanged(string zoneId, StateChange change)
    {
        if (change.New is not { IsUnavailable: false } state || state.AsNumber() is not { } room)
        {
            return;
        }

        var now = _scheduler.TimeProvider.GetUtcNow();
        bool decideNow;
        bool wasPaused;
        bool nowPaused;
        ZoneStatus? shown;
        lock (_gate)
        {
            shown = _published.GetValueOrDefault(zoneId);
            var reading = _readings[zoneId];
            wasPaused = _windows[zoneId].Evaluate(now).Paused;
            reading.LastSeen = now;
            _windows[zoneId].AddTemperature(now, room);
            nowPaused = _windows[zoneId].Evaluate(now).Paused;
            decideNow = reading.Decided
                && (reading.SilentAtDecision
                    || reading.DecidedAt is not { } decided
                    || Math.Abs(room - decided) >= _options.SignificantRoomChange
                    || wasPaused != nowPaused);
        }

        if (nowPaused && !wasPaused)
        {
            // A detected window ends at the latest after the maximum pause, between control periods too.
            _scheduler.RunIn(_options.Window.SlopeMaxPause, DecideAsync);
        }

        if (decideNow)
        {
            DecideSoon();
        }
        else if (shown is not null)
        {
            // HA's thermostat card shows the room as it is, not as it was at the last decision.
            _entities?.PublishZone(shown with { Current = room });
        }
    }

    private void OnWindowChanged(string zoneId, StateChange change)
    {
        var open = string.Equals(change.New?.State, "on", StringComparison.OrdinalIgnoreCase);
        var now = _scheduler.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            _windows[zoneId].SetContact(now, open);
        }

        // The pause starts after the contact delay and ends at once: decide at both moments.
        DecideSoon();
        if (open)
        {
            _scheduler.RunIn(_options.Window.ContactDelay, DecideAsync);
            _scheduler.RunIn(_options.Window.ContactDelay + _options.Window.ContactMaxPause, DecideAsync);
        }
    }

    [LoggerMessage(EventId = 5210, Level = LogLevel.Information, Message = "Heating: {Kind} of zone {Zone} set to {Value} from Home Assistant")]
    private static partial void LogCommand(ILogger logger, HeatingCommandKind kind, string zone, string? value);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Warning, Message = "Heating: {Kind} of zone {Zone} refused")]
    private static partial void LogCommandRefused(ILogger logger, Exception ex, HeatingCommandKind kind, string zone);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Error, Message = "Heating: the command stream from Home Assistant failed")]
    private static partial void LogCommandStreamFailed(ILogger logger, Exception ex);
}
