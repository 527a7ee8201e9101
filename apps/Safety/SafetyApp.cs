using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Loads;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety;

/// <summary>
/// The house's safety rules: water leak, gas, smoke/CO, frost and over-temperature, overload shedding and the safety
/// sensors' health. It keeps running while Home Assistant is away, so the rules act on Zigbee2MQTT devices (which the
/// device backend serves without HA) and on HA's entities when HA is there. Each rule is a pure policy; this class
/// feeds them the changes it sees and carries their decisions out: every command read back, retried and escalated
/// (<see cref="DeviceActuator"/>), miners through the fleet. Commands go out before alerts and logs.
/// </summary>
[HomeApp(Id = AppId, KeepRunningWhenDisconnected = true)]
public sealed partial class SafetyApp : IAsyncDisposable
{
    /// <summary>The app's id (config section <c>apps.safety</c>).</summary>
    public const string AppId = "safety";

    private readonly IHaContext _ha;
    private readonly TimeProvider _time;
    private readonly LogThrottle _logThrottle;
    private readonly ILogger<SafetyApp> _logger;
    private readonly IAuditTrail _audit;
    private readonly SafetyOptions _options;
    private readonly SafetyAlerts _alerts;
    private readonly ISafetyMiners? _miners;
    private readonly DeviceActuator _actuator;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly List<IDisposable> _owned = [];

    /// <summary>Starts watching. Every rule whose section is configured runs.</summary>
    /// <param name="ha">The app's view of the home (HA's entities and the Zigbee2MQTT devices).</param>
    /// <param name="scheduler">The app's timers (sensor health, overload restores).</param>
    /// <param name="logger">The log.</param>
    /// <param name="audit">The audit trail every command is written to.</param>
    /// <param name="config">The app's options (<c>apps.safety</c>).</param>
    /// <param name="alerts">The alert service; without one, alerts are only logged.</param>
    /// <param name="miners">The miners (the fleet); without them, no miner is slept or shed.</param>
    public SafetyApp(
        IHaContext ha,
        IAppScheduler scheduler,
        ILogger<SafetyApp> logger,
        IAuditTrail audit,
        IAppConfig<SafetyOptions> config,
        IAlerts? alerts = null,
        ISafetyMiners? miners = null)
    {
        ArgumentNullException.ThrowIfNull(ha);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(config);
        _ha = ha;
        _time = scheduler.TimeProvider;
        _logger = logger;
        _audit = audit;
        _options = config.Value;
        _options.Validate();
        _logThrottle = new LogThrottle(_time);
        _alerts = new SafetyAlerts(alerts, logger, _logThrottle, _time);
        _miners = miners;
        _actuator = new DeviceActuator(ha, _time, _options.Actions, _alerts, audit, logger);
        _leak = _options.Leak is { } leak ? new HazardPolicy(leak.Sensors) : null;
        _gas = _options.Gas is { } gas ? new HazardPolicy(gas.Sensors) : null;
        _smoke = _options.Smoke is { } smoke ? new HazardPolicy(smoke.Sensors) : null;
        _zones = [.. _options.Zones.Select(z => new ThermalZonePolicy(z))];
        _overload = _options.Overload is { } overload ? new OverloadPolicy(overload) : null;
        _health = new SensorHealthPolicy(_options.SensorHealth, [.. _options.SafetySensors]);

        _owned.Add(ha.StateAllChanges().Subscribe(OnChange));
        if (alerts is not null)
        {
            _owned.Add(alerts.ActionsInvoked.Subscribe(OnAlertAction));
        }

        _owned.Add(scheduler.RunEvery(_options.SensorHealth.CheckEvery, _options.SensorHealth.CheckEvery, _ => CheckSensorHealthAsync()));
        if (_options.Overload is { } shedding)
        {
            _owned.Add(scheduler.RunEvery(shedding.RestoreInterval, shedding.RestoreInterval, _ => ReconsiderOverloadAsync()));
        }

        // What is already true at start (a leak that began while the brain was down) is acted on at once.
        foreach (var state in ha.GetAllEntities())
        {
            OnChange(new StateChange(state.EntityId, null, state));
        }
    }

    /// <summary>The commands and alerts still under way (tests wait for them).</summary>
    internal Task Settled => Task.WhenAll(_inFlight.Keys);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The app stopped while commands waited for their read-back; each was audited as cancelled.
        }

        _alerts.Dispose();
        _stopping.Dispose();
    }

    // One handler for every change: each rule guarded on its own, so one rule's fault never stops another (and an
    // exception never ends the subscription).
    private void OnChange(StateChange change)
    {
        _actuator.Observe(change);
        var id = change.EntityId;
        var state = change.New?.State;
        Guard(SafetyRule.Leak, () => OnHazard(SafetyRule.Leak, _leak, id, state));
        Guard(SafetyRule.Gas, () => OnHazard(SafetyRule.Gas, _gas, id, state));
        Guard(SafetyRule.Smoke, () => OnHazard(SafetyRule.Smoke, _smoke, id, state));
        Guard(SafetyRule.Freeze, () => OnZoneChange(id, change.New));
        Guard(SafetyRule.Overload, () => OnMeter(id, change.New));
    }

    private void Guard(SafetyRule rule, Action handle)
    {
        try
        {
            handle();
        }
#pragma warning disable CA1031 // One rule's fault must not stop the others or end the app's subscription.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRuleFailed(_logger, e, rule);
        }
    }

    /// <summary>Sends <paramref name="command"/> now (unless the gas rule holds switching) and follows it to its end.</summary>
    private Task<ActionOutcome> Run(DeviceCommand command, SafetyRule rule, string reason, string correlationId)
    {
        if (IsHeldByGas(rule, command))
        {
            LogHeldByGas(_logger, command.ToString(), rule);
            _audit.Record(new AuditEntry(_time.GetUtcNow(), "app:" + AppId, "service_call", command.EntityId, $"{rule}: {reason}", correlationId, "refused: gas detected, no electrical switching"));
            return Task.FromResult(new ActionOutcome(false, 0, "held while gas is detected"));
        }

        return Track(_actuator.RunAsync(command, rule, reason, correlationId, _stopping.Token));
    }

    private bool IsHeldByGas(SafetyRule rule, DeviceCommand command) =>
        rule != SafetyRule.Gas && _gas is { Active: true } && _options.Gas is { NoElectricalSwitching: true }
        && !(rule == SafetyRule.Leak && command.Desired == DesiredState.Closed);

    private Task<T> Track<T>(Task<T> task)
    {
        Track((Task)task);
        return task;
    }

    private void Track(Task task)
    {
        if (task.IsCompleted)
        {
            return;
        }

        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private string Describe(string entityId) =>
        _ha.GetState(entityId)?.Attribute("friendly_name") is { ValueKind: System.Text.Json.JsonValueKind.String } name ? name.GetString() ?? entityId : entityId;
}
