using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// Heats one zone with one power-stepped heater (the demo's miner). Every control period, and at
/// once when the room moves a lot, it asks <see cref="HeatingPolicy"/> for a decision, sets the
/// heater's power entity, and records the decision in the journal. The app is only wiring: all
/// judgement lives in the policy.
/// </summary>
[HomeApp(Id = "heating")]
public sealed class HeatingApp : IDisposable
{
    private readonly IHaContext _ha;
    private readonly IAppScheduler _scheduler;
    private readonly IHeatingDecisionJournal _journal;
    private readonly ILogger<HeatingApp> _logger;
    private readonly HeatingOptions _options;
    private readonly HeatingPolicy _policy;
    private readonly SemaphoreSlim _deciding = new(1, 1);
    private readonly object _gate = new();
    private readonly IDisposable _roomSubscription;
    private readonly IDisposable _schedule;
    private DateTimeOffset? _roomLastSeen;
    private HeatingDecision? _lastDecision;

    /// <summary>Creates the app and starts its schedule.</summary>
    public HeatingApp(
        IHaContext ha,
        IAppScheduler scheduler,
        IAppConfig<HeatingOptions> config,
        IHeatingDecisionJournal journal,
        ILogger<HeatingApp> logger)
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

        if (ha.GetState(_options.RoomTemperatureEntity) is { IsUnavailable: false } room)
        {
            _roomLastSeen = room.LastUpdated;
        }

        _roomSubscription = ha.Entity(_options.RoomTemperatureEntity).StateAllChanges().Subscribe(OnRoomChanged);
        _schedule = scheduler.RunEvery(_options.ControlPeriod, _options.FirstDecisionAfter, DecideAsync);
    }

    /// <summary>The latest decision this app took, or <see langword="null"/> before the first.</summary>
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

    /// <summary>Decides now, commands the heater and records the decision.</summary>
    public async Task DecideAsync(CancellationToken cancellationToken)
    {
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
        _schedule.Dispose();
        _roomSubscription.Dispose();
        _deciding.Dispose();
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
