using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Apps.Heating;

/// <summary>The optimiser's part of <see cref="MultiZoneHeating"/>: recording each zone's history, identifying its model, planning.</summary>
internal sealed partial class MultiZoneHeating
{
    /// <summary>How long a source has to take a command before what it reports replaces what it was told.</summary>
    private static readonly TimeSpan ReadbackGrace = TimeSpan.FromMinutes(10);

    /// <summary>Whether the zone is planned by the optimiser now (its model is identified).</summary>
    public bool IsOptimised(string zoneId) => _optimisers.TryGetValue(zoneId, out var optimiser) && optimiser.Ready;

    /// <summary>Records one minute of every zone's history and identifies the models that are due.</summary>
    private async Task RecordAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        // Under the decision lock: identification replaces the state a decision round is using.
        await _deciding.WaitAsync(cancellationToken);
        try
        {
            var now = _scheduler.TimeProvider.GetUtcNow();
            if (ReadNumber(_options.OutdoorTemperatureEntity) is not { } outdoor)
            {
                return;
            }

            var solar = Solar();
            Reconcile(now);
            foreach (var zone in _options.Zones)
            {
                if (!_optimisers.TryGetValue(zone.Id, out var optimiser))
                {
                    continue;
                }

                double? room;
                lock (_gate)
                {
                    room = _readings[zone.Id].LastSeen is { } seen && now - seen <= _options.RoomSensorTimeout ? ReadNumber(zone.RoomTemperatureEntity) : null;
                }

                var (air, mass) = HeatInto(zone);
                var (hydronic, flow) = Measured(zone);
                try
                {
                    optimiser.Record(new HeatingHistorySample(now, room, outdoor, solar, air, mass, hydronic, flow));
                }
#pragma warning disable CA1031 // A store that cannot keep the minute (a full disk) must not stop the other zones or the fit.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogRecordFailed(_logger, ex, zone.Id);
                }

                FitIfDue(zone.Id, optimiser, now);
            }
        }
        finally
        {
            _deciding.Release();
        }
    }

    private async Task IdentifyDueAsync(CancellationToken cancellationToken)
    {
        await _deciding.WaitAsync(cancellationToken);
        try
        {
            var now = _scheduler.TimeProvider.GetUtcNow();
            foreach (var (zoneId, optimiser) in _optimisers)
            {
                FitIfDue(zoneId, optimiser, now);
            }
        }
        finally
        {
            _deciding.Release();
        }
    }

    private void FitIfDue(string zoneId, ZoneOptimiser optimiser, DateTimeOffset now)
    {
        var wasReady = optimiser.Ready;
        try
        {
            if (optimiser.FitIfDue(now))
            {
                LogIdentified(_logger, zoneId, wasReady ? "re-identified" : "identified", optimiser.FitError ?? double.NaN, optimiser.Recorded.TotalHours);
            }
        }
        catch (ArgumentException ex)
        {
            // History the identifier cannot use (a sensor that never moved) keeps the zone on TPI, and is said so.
            LogIdentificationFailed(_logger, ex, zoneId);
        }
    }

    /// <summary>
    /// The optimiser's plan for the zone, or null when TPI decides it (no model yet, optimiser off, the zone off
    /// or paused for a window). A silent sensor is passed on as none: the optimiser's safe mode then decides.
    /// </summary>
    private (IReadOnlyDictionary<string, double> Watts, IReadOnlyDictionary<string, double> Flows, ZonePlan Plan)? Plan(
        HeatingZoneOptions zone, double? room, TimeSpan roomAge, double? outdoor, DateTimeOffset now, IReadOnlyList<ComfortSlot> band, PriceSeries prices)
    {
        if (!_optimisers.TryGetValue(zone.Id, out var optimiser) || !optimiser.Ready || outdoor is not { } outside)
        {
            return null;
        }

        Dictionary<string, SourceStatus> statuses;
        lock (_gate)
        {
            statuses = optimiser.Sources.ToDictionary(
                s => s.Id,
                // CommandedAt is the last command that changed the level: what a restart hold (level_hold) counts from.
                s => new SourceStatus(s.Id, _sourceStates[s.Id].Level, now - _sourceStates[s.Id].Since, now - _sourceStates[s.Id].CommandedAt),
                StringComparer.Ordinal);
        }

        var silent = room is null || roomAge > _options.RoomSensorTimeout;
        var solar = Solar();
        var (decision, plan) = optimiser.Decide(now, silent ? null : room, roomAge, outside, solar, prices, Hashprice(), band, statuses,
            _forecast?.ForPlan(now, outside, solar));
        return (decision.Settings.ToDictionary(s => s.Id, s => s.Watts, StringComparer.Ordinal),
            decision.Settings.Where(s => s.FlowTemperature is not null).ToDictionary(s => s.Id, s => s.FlowTemperature!.Value, StringComparer.Ordinal),
            plan);
    }

    /// <summary>
    /// Replaces what the app believes of a source with what the source reports (<see cref="IHeatSourceReadback"/>), once a
    /// command has had <see cref="ReadbackGrace"/> to take effect, so a miner still waking is not read as off. A source
    /// found on when believed off (or the reverse) did not follow the app (a dwell guard deferred it, someone else
    /// switched it): when it really switched is unknown, so the app's own minimum times no longer hold it. The source's
    /// own guard (the fleet's dwell times) protects it; holding it here would only cancel the change it is waiting to make.
    /// </summary>
    private void Reconcile(DateTimeOffset now)
    {
        foreach (var source in _options.Sources)
        {
            if (!_commanders.TryGetValue(source.Id, out var commander) || commander is not IHeatSourceReadback readback
                || readback.DeliveredWatts is not { } watts)
            {
                continue;
            }

            lock (_gate)
            {
                var state = _sourceStates[source.Id];
                if (now - state.CommandedAt < ReadbackGrace)
                {
                    continue;
                }

                _sourceStates[source.Id] = MeasuredState(state, source, watts, now);
            }
        }
    }

    /// <summary>
    /// Remembers what each source now runs at and when it last switched on or off (for minimum on/off times). A source
    /// whose command failed but that reads back (a driver found it not following) is believed at what it was read
    /// doing, as <see cref="Reconcile"/> does, so the next plan starts from the measurement rather than the command.
    /// </summary>
    private void Remember(IReadOnlyList<HeatSourceCommand> sent, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var command in sent.Where(c => c.Delivery == CommandDelivery.Failed))
            {
                if (_commanders.GetValueOrDefault(command.SourceId) is IHeatSourceReadback { DeliveredWatts: { } watts } && _options.Sources.FirstOrDefault(s => s.Id == command.SourceId) is { } source)
                {
                    _sourceStates[command.SourceId] = MeasuredState(_sourceStates[command.SourceId], source, watts, now);
                }
            }

            foreach (var command in sent.Where(c => c.Delivery == CommandDelivery.Delivered))
            {
                var before = _sourceStates[command.SourceId];
                if (Math.Abs(before.Level - command.PowerWatts) < 1 && (before.Level > 0) == (command.PowerWatts > 0))
                {
                    continue;
                }

                var switched = (before.Level > 0) != (command.PowerWatts > 0);
                _sourceStates[command.SourceId] = new SourceState(command.PowerWatts, switched ? now : before.Since, now);
            }
        }
    }

    // A source read drawing watts: running from a quarter of its lowest level. Found switched from what the app
    // believed, when it switched is unknown, so the app's own minimum times no longer hold it.
    private static SourceState MeasuredState(SourceState state, HeatSourceOptions source, double watts, DateTimeOffset now)
    {
        var lowest = source.PowerLevels.Where(l => l > 0).DefaultIfEmpty(1).Min();
        var running = watts >= lowest / 4.0;
        var switched = running != (state.Level > 0);
        return state with { Level = running ? watts : 0, Since = switched ? now - SourceState.LongAgo : state.Since };
    }

    // What the zone's sources gave it this minute, as read back (or as commanded): a shared source's heat split evenly
    // over the zones it serves. Hydronic heat is counted as reaching the air; the identifier cannot
    // tell underfloor slabs without a flow meter.
    private (double Air, double Mass) HeatInto(HeatingZoneOptions zone)
    {
        double air = 0;
        foreach (var id in zone.Sources)
        {
            var sharing = _options.Zones.Count(z => z.Sources.Contains(id, StringComparer.Ordinal));
            var delivered = _commanders.TryGetValue(id, out var commander) && commander is IHeatSourceReadback readback ? readback.DeliveredWatts : null;
            double believed;
            lock (_gate)
            {
                believed = _sourceStates[id].Level;
            }

            air += (delivered ?? believed) / Math.Max(1, sharing);
        }

        return (air, 0);
    }

    // What the zone's running hydronic sources report: their heat output (summed; a sensor in kW is converted) and
    // the warmest flow. Null unless every running hydronic source reports both, so a partial reading never
    // teaches the optimiser smaller radiators than it has.
    private (double? Heat, double? Flow) Measured(HeatingZoneOptions zone)
    {
        double heat = 0;
        double? flow = null;
        var running = 0;
        foreach (var source in _options.Sources.Where(s => s.Hydronic && zone.Sources.Contains(s.Id, StringComparer.Ordinal)))
        {
            double level;
            lock (_gate)
            {
                level = _sourceStates[source.Id].Level;
            }

            if (level <= 0)
            {
                continue;
            }

            running++;
            if (source.HeatOutputEntity is not { } meter || source.FlowSensorEntity is not { } sensor
                || _ha.GetState(meter) is not { IsUnavailable: false } output || output.AsNumber() is not { } watts
                || ReadNumber(sensor) is not { } measured)
            {
                return (null, null);
            }

            var kilowatts = output.Attribute("unit_of_measurement")?.ValueKind == System.Text.Json.JsonValueKind.String
                && string.Equals(output.Attribute("unit_of_measurement")!.Value.GetString(), "kW", StringComparison.OrdinalIgnoreCase);
            heat += kilowatts ? watts * 1000 : watts;
            flow = Math.Max(flow ?? double.MinValue, measured);
        }

        return running == 0 ? (null, null) : (heat, flow);
    }

    private double Solar() => (_options.Optimiser.SolarEntity is { } entity ? ReadNumber(entity) : null) ?? 0;

    [LoggerMessage(EventId = 5230, Level = LogLevel.Information, Message = "Heating {Zone}: house model {What} from {Hours:F0} h of history (fit error {Error:F2} K); the optimiser plans the zone")]
    private static partial void LogIdentified(ILogger logger, string zone, string what, double error, double hours);

    [LoggerMessage(EventId = 5232, Level = LogLevel.Warning, Message = "Heating {Zone}: this minute of history could not be stored; it is kept in memory only")]
    private static partial void LogRecordFailed(ILogger logger, Exception ex, string zone);

    [LoggerMessage(EventId = 5231, Level = LogLevel.Warning, Message = "Heating {Zone}: the house model could not be identified from the history; the zone stays on TPI")]
    private static partial void LogIdentificationFailed(ILogger logger, Exception ex, string zone);
}
