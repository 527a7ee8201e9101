using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// The heating app: heats its zones from their sources (<see cref="HeatingOptions"/>). A config in the one-zone form
/// (a room sensor and a heater's power entity) runs as one zone with one source (<see cref="HeatingOptions.AsZones"/>),
/// on the same path as many zones: climate entities, profiles, schedules, overrides, windows, shared sources, prices,
/// the optimiser, and TPI time-proportioned on each source until the optimiser knows the house. The app is wiring;
/// the judgement is in the pure pieces <see cref="MultiZoneHeating"/> calls.
/// </summary>
[HomeApp(Id = "heating")]
public sealed class HeatingApp : IDisposable, IAsyncDisposable, IAsyncInitializable
{
    private readonly MultiZoneHeating _zones;
    private readonly List<IDisposable> _owned = [];
    private readonly DriverHeatSourceCommanderFactory? _drivers;

    /// <summary>Creates the app and starts its schedule.</summary>
    /// <param name="ha">The app's view of the home.</param>
    /// <param name="scheduler">The app's timers.</param>
    /// <param name="config">The options.</param>
    /// <param name="journal">Where decisions are recorded.</param>
    /// <param name="logger">The log.</param>
    /// <param name="control">The shared profile and zone control; the app makes its own when none is registered.</param>
    /// <param name="profileStore">Where profiles persist when the app makes its own control; in memory when null.</param>
    /// <param name="mqttEntities">The MQTT entity manager, for the zones' climates and the profile select; none without MQTT.</param>
    /// <param name="commanderFactories">Commanders for sources HA services cannot drive (the miner fleet).</param>
    /// <param name="entities">The heating's HA entities, overriding <paramref name="mqttEntities"/> (tests).</param>
    /// <param name="history">Where zones' history for the optimiser is kept; in memory when null.</param>
    /// <param name="safeThermostat">Runs sources with <c>safe_state: thermostat</c> once the app stops; without it they go off.</param>
    /// <param name="telemetry">Where sources, prices, plans and decisions are recorded (<see cref="HeatingTelemetry"/>); none when null.</param>
    /// <param name="driverFactories">The heat-source drivers (modbus, sg-ready, ...) that sources of kind <c>driver</c> name.</param>
    /// <param name="audit">Where driver sources' commands are audited.</param>
    /// <param name="alerts">Where a driver source that does not follow is reported.</param>
    /// <param name="loggerFactory">The driver sources' logs.</param>
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
        IHeatingHistoryStore? history = null,
        SafeThermostatKeeper? safeThermostat = null,
        ITelemetryRecorder? telemetry = null,
        IEnumerable<IHeatSourceDriverFactory>? driverFactories = null,
        IAuditTrail? audit = null,
        IAlerts? alerts = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(ha);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(logger);
        config.Value.Validate();
        var options = config.Value.AsZones();
        if (control is null)
        {
            var own = new HeatingControl(profileStore ?? new InMemoryHeatingProfileStore(), scheduler.TimeProvider, options.BoostDuration);
            _owned.Add(own);
            control = own;
        }

        if (entities is null && mqttEntities is not null)
        {
            var mqtt = new MqttHeatingEntities(mqttEntities, options.Zones);
            _owned.Add(mqtt);
            entities = mqtt;
        }

        var factories = (commanderFactories ?? []).ToList();
        if (driverFactories?.ToList() is { Count: > 0 } drivers && options.Sources.Any(s => s.Kind == HeatSourceKind.Driver))
        {
            // The app owns its driver sources' drivers (their connections), closed when it stops.
            _drivers = new DriverHeatSourceCommanderFactory(drivers, scheduler.TimeProvider, loggerFactory, audit, alerts);
            factories.Add(_drivers);
        }

        var commanders = Commanders(ha, options.Sources, factories);
        _zones = new MultiZoneHeating(ha, scheduler, options, control, entities, commanders, journal, logger, history, safeThermostat,
            telemetry is null ? null : new HeatingTelemetry(telemetry, options, ha, commanders));
    }

    /// <summary>The latest inputs for the optimiser (comfort bands, prices, hashprice) and commands; null before the first decision.</summary>
    public HeatingPlanInputs? PlanInputs => _zones.LastInputs;

    /// <summary>Whether the zone is planned by the optimiser now (model identified).</summary>
    public bool IsOptimised(string zoneId) => _zones.IsOptimised(zoneId);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => _zones.InitializeAsync(cancellationToken);

    /// <summary>Decides every zone now, commands the sources and records the decisions.</summary>
    public Task DecideAsync(CancellationToken cancellationToken) => _zones.DecideAsync(cancellationToken);

    /// <summary>
    /// Stops the app the way the runtime does (switched off, stopped): stops deciding, leaves every source it commanded
    /// at its safe state (<see cref="HeatSourceOptions.SafeState"/>), then disposes.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _zones.StopAsync();
        Dispose();
        if (_drivers is not null)
        {
            await _drivers.DisposeAsync();
        }
    }

    /// <summary>Stops deciding without commanding the sources (prefer <see cref="DisposeAsync"/>, which leaves them safe).</summary>
    public void Dispose()
    {
        _zones.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static Dictionary<string, IHeatSourceCommander> Commanders(
        IHaContext ha, IReadOnlyList<HeatSourceOptions> sources, IEnumerable<IHeatSourceCommanderFactory> factories)
    {
        var list = factories.ToList();
        var commanders = new Dictionary<string, IHeatSourceCommander>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var commander = list.Select(f => f.TryCreate(source)).FirstOrDefault(c => c is not null)
                ?? (source.Kind is HeatSourceKind.Fleet or HeatSourceKind.Driver ? null : new HaServiceHeatSourceCommander(ha, source));
            if (commander is not null)
            {
                commanders[source.Id] = commander;
            }
        }

        return commanders;
    }
}
