using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Miners;

/// <summary>
/// Runs the miner fleet: polls every miner on its own schedule (staggered, never overlapping itself), mirrors each
/// into its HA entities, turns entity commands into fleet requests (through the dwell guard), and passes overheat
/// alerts on to HA. It keeps running while HA is away: overheat protection must not depend on HA. The fleet itself
/// (<see cref="IMinerFleet"/>) is a singleton that other apps command.
/// </summary>
[HomeApp(Id = AppId, KeepRunningWhenDisconnected = true)]
public sealed partial class MinerFleetApp : IDisposable
{
    /// <summary>The app's id (config section <c>apps.miners</c>).</summary>
    public const string AppId = "miners";

    /// <summary>Who entity commands are from, in the audit log.</summary>
    public const string HomeAssistantRequester = "home-assistant";

    private readonly IHaContext _ha;
    private readonly MinerFleet _fleet;
    private readonly ILogger<MinerFleetApp> _logger;
    private readonly MinerFleetOptions _options;
    private readonly IMinerEntities? _entities;
    private readonly MinerTelemetry? _telemetry;
    private readonly List<IDisposable> _owned = [];
    private readonly HashSet<string> _shaped = new(StringComparer.Ordinal);

    /// <summary>Starts polling and follows entity commands and alerts.</summary>
    /// <param name="ha">The app's view of the home (the hashprice sensor, the alert service).</param>
    /// <param name="scheduler">The app's timers.</param>
    /// <param name="fleet">The fleet.</param>
    /// <param name="logger">The log.</param>
    /// <param name="mqttEntities">The MQTT entity manager; none without MQTT (then the fleet has no entities).</param>
    /// <param name="entities">The miners' entities, overriding <paramref name="mqttEntities"/> (tests).</param>
    /// <param name="config">The app's options (<c>apps.miners</c>); this parameter is also what tells the host the
    /// section's type. The fleet is built from the same options; without it (tests) the fleet's are used.</param>
    /// <param name="telemetry">Where each miner's readings are recorded (hashrate, power, temperatures, mode, revenue); none when null.</param>
    public MinerFleetApp(
        IHaContext ha,
        IAppScheduler scheduler,
        MinerFleet fleet,
        ILogger<MinerFleetApp> logger,
        IMqttEntities? mqttEntities = null,
        IMinerEntities? entities = null,
        IAppConfig<MinerFleetOptions>? config = null,
        ITelemetryRecorder? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(ha);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(logger);
        _ha = ha;
        _fleet = fleet;
        _logger = logger;
        _options = config?.Value ?? fleet.Options;
        if (entities is null && mqttEntities is not null)
        {
            var mqtt = new MqttMinerEntities(mqttEntities, _options);
            _owned.Add(mqtt);
            entities = mqtt;
        }

        _entities = entities;
        _telemetry = telemetry is null ? null : new MinerTelemetry(telemetry);
        _owned.Add(fleet.Updates.Subscribe(Show));
        _owned.Add(fleet.Alerts.Subscribe(Alert));
        if (entities is not null)
        {
            // One queue per miner: a slow miner's command does not hold up another's.
            _owned.Add(entities.Commands
                .GroupBy(c => c.MinerId)
                .SelectMany(perMiner => perMiner.Select(c => Observable.FromAsync(ct => HandleAsync(c, ct))).Concat())
                .Subscribe());
        }

        // A disabled miner's device (when its id could name one) reads unavailable, also over an earlier run's retained "online".
        foreach (var disabled in fleet.DisabledMiners)
        {
            if (_options.MinersWithUsableIds().FirstOrDefault(m => m.Id == disabled.Id) is { } entry)
            {
                Show(new MinerSnapshot { Id = entry.Id, Name = entry.DisplayName, Family = entry.Family });
            }
        }

        var count = Math.Max(1, fleet.MinerIds.Count);
        for (var i = 0; i < fleet.MinerIds.Count; i++)
        {
            var id = fleet.MinerIds[i];
            var stagger = _options.PollInterval * i / count;
            _owned.Add(scheduler.RunEvery(_options.PollInterval, stagger, ct => _fleet.PollAsync(id, ct)));
        }
    }

    /// <summary>What a miner earns per hour in the configured currency: hashrate × hashprice ÷ 24 × rate; null when unknown.</summary>
    public double? RevenuePerHour(MinerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var hashprice = (_options.HashpriceEntity is { } entity && _ha.GetState(entity) is { IsUnavailable: false } state ? state.AsNumber() : null)
            ?? _options.Hashprice;
        return snapshot.Reading?.HashrateTerahash is { } terahash && hashprice is { } price
            ? terahash * price / 24 * _options.CurrencyRate
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private void Show(MinerSnapshot snapshot)
    {
        _telemetry?.Record(snapshot, RevenuePerHour(snapshot));
        if (_entities is null)
        {
            return;
        }

        try
        {
            if (snapshot.Capabilities is { } capabilities && _shaped.Add(snapshot.Id))
            {
                _entities.PublishCapabilities(snapshot.Id, capabilities);
            }

            _entities.Publish(snapshot, RevenuePerHour(snapshot));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            LogShowFailed(_logger, snapshot.Id, e.Message);
        }
    }

    private async Task HandleAsync(MinerEntityCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var reason = $"{command.Kind} set in Home Assistant";
            await _fleet.RequestAsync(command.MinerId, command.ToMinerCommand(), HomeAssistantRequester, reason, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
        {
            LogCommandFailed(_logger, command.MinerId, command.Kind, e.Message);
        }
    }

    private void Alert(MinerAlert alert)
    {
        if (string.IsNullOrEmpty(_options.AlertService))
        {
            return;
        }

        var dot = _options.AlertService.IndexOf('.', StringComparison.Ordinal);
        _ha.CallService(_options.AlertService[..dot], _options.AlertService[(dot + 1)..], data: new Dictionary<string, object>
        {
            ["title"] = $"Miner {alert.MinerId}: {alert.Kind.ToString().ToLowerInvariant()}",
            ["message"] = alert.Message,
            ["notification_id"] = $"poh_miner_alert_{alert.MinerId}",
        });
    }

    [LoggerMessage(EventId = 5410, Level = LogLevel.Warning, Message = "Miner {Miner}: could not show its state: {Reason}")]
    private static partial void LogShowFailed(ILogger logger, string miner, string reason);

    [LoggerMessage(EventId = 5411, Level = LogLevel.Warning, Message = "Miner {Miner}: the {Kind} command from HA failed: {Reason}")]
    private static partial void LogCommandFailed(ILogger logger, string miner, MinerEntityCommandKind kind, string reason);
}
