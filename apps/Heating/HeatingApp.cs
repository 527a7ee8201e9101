using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// Heats one zone with one power-stepped heater (the demo's miner). Every control period, and at
/// once when the room moves a lot, it asks <see cref="HeatingPolicy"/> for a decision, sets the
/// heater's power entity, and records the decision in the journal. The app is only wiring: all
/// judgement lives in the policy. With <see cref="HeatingOptions.Zones"/> configured it runs every
/// zone instead (climate entities, profiles, schedules, overrides, windows, shared sources, prices).
/// </summary>
[HomeApp(Id = "heating")]
public sealed class HeatingApp : IDisposable, IAsyncInitializable
{
    private readonly IHaContext _ha;
    private readonly IAppScheduler _scheduler;
    private readonly IHeatingDecisionJournal _journal;
    private readonly ILogger<HeatingApp> _logger;
    private readonly HeatingOptions _options;
    private readonly HeatingPolicy _policy;
    private readonly SemaphoreSlim _deciding = new(1, 1);
    private readonly object _gate = new();
    private readonly IDisposable? _roomSubscription;
    private readonly IDisposable? _schedule;
    private readonly MultiZoneHeating? _zones;
    private readonly List<IDisposable> _owned = [];
    private DateTimeOffset? _roomLastSeen;
    private HeatingDecision? _lastDecision;

    /// <summary>Creates the app and starts its schedule.</summary>
    /// <param name="ha">The app's view of the home.</param>
    /// <param name="scheduler">The app's timers.</param>
    /// <param name="config">The options.</param>
    /// <param name="journal">Where decisions are recorded.</param>
    /// <param name="logger">The log.</param>
    /// <param name="control">The shared profile and zone control (multi-zone); the app makes its own when none is registered.</param>
    /// <param name="profileStore">Where profiles persist when the app makes its own control; in memory when null.</param>
    /// <param name="mqttEntities">The MQTT entity manager, for the zones' climates and the profile select; none without MQTT.</param>
    /// <param name="commanderFactories">Commanders for sources HA services cannot drive (the miner fleet).</param>
    /// <param name="entities">The heating's HA entities, overriding <paramref name="mqttEntities"/> (tests).</param>
    /// <param name="history">Where zones' history for the optimiser is kept; in memory when null.</param>
    public HeatingApp(
        IHaContext ha,
        IAppScheduler scheduler,
        IAppConfig<HeatingOptions> config,
        IHeatingDecisionJournal journal,
        ILogger<HeatingApp> logger,
        IHeatingControl? control = null,
        IHeatingProfileStore? profileStore = null,
        IMqttEntities? mqttEntities = null,
        IEnumerable<IHeatSourceCommanderFactory>? commanderFactories = null,
        IHeatingEntities? entities = null,
        IHeatingHistoryStore? history = null)
    {
        ArgumentNullException.ThrowIfNull(ha);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(logger);
        _ha = ha;
        _scheduler = scheduler;
        _journal = journal;
        _logger = logger;
        _options = config.Value;
        _policy = new HeatingPolicy(_options);
        if (_options.Zones.Count > 0)
        {
            if (control is null)
            {
                var own = new HeatingControl(profileStore ?? new InMemoryHeatingProfileStore(), scheduler.TimeProvider, _options.BoostDuration);
                _owned.Add(own);
                control = own;
            }

            if (entities is null && mqttEntities is not null)
            {
                var mqtt = new MqttHeatingEntities(mqttEntities, _options.Zones);
                _owned.Add(mqtt);
                entities = mqtt;
            }

            var commanders = Commanders(ha, _options.Sources, commanderFactories ?? []);
            _zones = new MultiZoneHeating(ha, scheduler, _options, control, entities, commanders, journal, logger, history);
            return;
        }

        if (ha.GetState(_options.RoomTemperatureEntity) is { IsUnavailable: false } room)
        {
            _roomLastSeen = room.LastUpdated;
        }

        _roomSubscription = ha.Entity(_options.RoomTemperatureEntity).StateAllChanges().Subscribe(OnRoomChanged);
        _schedule = scheduler.RunEvery(_options.ControlPeriod, _options.FirstDecisionAfter, DecideAsync);
    }

    /// <summary>The latest decision this app took, or <see langword="null"/> before the first (single-zone mode; with zones the journal has each zone's).</summary>
    public HeatingDecision? LastDecision
    {
        get
        {
            lock (_gate)
            {
                return _lastDecision;
            }
        }
    }

    /// <summary>The multi-zone app's latest inputs for the optimiser (comfort bands, prices, hashprice) and commands; null in single-zone mode or before the first decision.</summary>
    public HeatingPlanInputs? PlanInputs => _zones?.LastInputs;

    /// <summary>Whether the zone is planned by the optimiser now (multi-zone mode, model identified).</summary>
    public bool IsOptimised(string zoneId) => _zones?.IsOptimised(zoneId) ?? false;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _zones?.InitializeAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Decides now, commands the heater and records the decision.</summary>
    public async Task DecideAsync(CancellationToken cancellationToken)
    {
        if (_zones is not null)
        {
            await _zones.DecideAsync(cancellationToken);
            return;
        }

        await _deciding.WaitAsync(cancellationToken);
        try
        {
            var now = _scheduler.TimeProvider.GetUtcNow();
            HeatingReadings readings;
            lock (_gate)
            {
                readings = new HeatingReadings(
                    ReadNumber(_options.RoomTemperatureEntity), _roomLastSeen, ReadNumber(_options.OutdoorTemperatureEntity));
            }

            var decision = _policy.Decide(readings, now);
            decision = await CommandAsync(decision, cancellationToken);
            lock (_gate)
            {
                _lastDecision = decision;
            }

            _journal.Record(decision);
        }
        finally
        {
            _deciding.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _schedule?.Dispose();
        _roomSubscription?.Dispose();
        _zones?.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _deciding.Dispose();
    }

    private static Dictionary<string, IHeatSourceCommander> Commanders(
        IHaContext ha, IReadOnlyList<HeatSourceOptions> sources, IEnumerable<IHeatSourceCommanderFactory> factories)
    {
        var list = factories.ToList();
        var commanders = new Dictionary<string, IHeatSourceCommander>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var commander = list.Select(f => f.TryCreate(source)).FirstOrDefault(c => c is not null)
                ?? (source.Kind == HeatSourceKind.Fleet ? null : new HaServiceHeatSourceCommander(ha, source));
            if (commander is not null)
            {
                commanders[source.Id] = commander;
            }
        }

        return commanders;
    }

    private async Task<HeatingDecision> CommandAsync(HeatingDecision decision, CancellationToken cancellationToken)
    {
        var entity = _options.HeaterPowerEntity;
        var domain = entity[..entity.IndexOf('.', StringComparison.Ordinal)];
        var call = new ServiceCall(
            domain, "set_value", ServiceTarget.Entities(entity), new Dictionary<string, object> { ["value"] = decision.PowerWatts });
        try
        {
            await _ha.CallServiceAsync(call, cancellationToken);
            _logger.LogInformation(
                "Heating {Zone}: {Power} W ({Reason}), room {Room} °C, outdoor {Outdoor} °C",
                decision.Zone, decision.PowerWatts, decision.Reason, decision.RoomTemperature, decision.OutdoorTemperature);
            return decision;
        }
        catch (ServiceCallException ex)
        {
            _logger.LogWarning(ex, "Heating {Zone}: setting {Entity} to {Power} W failed ({Code})", decision.Zone, entity, decision.PowerWatts, ex.Code);
            return decision with { Reason = $"{decision.Reason}; command failed: {ex.Code}" };
        }
    }

    private double? ReadNumber(string entityId) =>
        _ha.GetState(entityId) is { IsUnavailable: false } state ? state.AsNumber() : null;

    private void OnRoomChanged(StateChange change)
    {
        if (change.New is not { IsUnavailable: false } state || state.AsNumber() is not { } room)
        {
            return;
        }

        bool decideNow;
        lock (_gate)
        {
            // Any report, a heartbeat included, proves the sensor is alive. The app's own clock is
            // used rather than the state's timestamp so a skewed HA clock cannot fake silence.
            _roomLastSeen = _scheduler.TimeProvider.GetUtcNow();
            decideNow = _lastDecision is { } last
                && (last.RoomTemperature is not { } decidedAt
                    || last.Reason.StartsWith(HeatingPolicy.SilentSensorReason, StringComparison.Ordinal)
                    || Math.Abs(room - decidedAt) >= _options.SignificantRoomChange);
        }

        if (decideNow)
        {
            _scheduler.RunIn(TimeSpan.Zero, DecideAsync);
        }
    }
}
