using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating;

/// <summary>The decision round of <see cref="MultiZoneHeating"/>.</summary>
internal sealed partial class MultiZoneHeating
{
    /// <summary>Decides every zone, commands the sources, publishes the zones and records the decisions.</summary>
    public async Task DecideAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        await _deciding.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                // Stopped while waiting: the safe commands went out, and no decision may land after them.
                return;
            }

            var now = _scheduler.TimeProvider.GetUtcNow();
            var started = _scheduler.TimeProvider.GetTimestamp();
            var outdoor = ReadNumber(_options.OutdoorTemperatureEntity);
            var active = _control.Active;
            var zones = new List<(HeatingZoneOptions Zone, ZoneDemand Demand, ZoneTarget Target, double? Room, string Reason, ZoneMode Mode, ZonePlan? Plan, ZoneRule Rule)>();
            var bands = new Dictionary<string, IReadOnlyList<ComfortSlot>>(StringComparer.Ordinal);
            var prices = _prices.Update(_options.Prices.Entity is { } entity ? _ha.GetState(entity) : null, now, ComfortBands.DefaultHorizon, _timeZone);
            foreach (var zone in _options.Zones)
            {
                var settings = _control.GetZone(zone.Id);
                var target = ZoneTargetResolver.Resolve(settings, active.Profile, active.Schedule, now, _timeZone);
                bands[zone.Id] = ComfortBands.Build(settings, active.Profile, active.Schedule, now, _timeZone, _options.ComfortBandWidth);
                var (fraction, room, reason, temperature, watts, flows, plan, rule) = ZoneFraction(zone, target, outdoor, now, active.Profile.Presets.Antifreeze, bands[zone.Id], prices);
                zones.Add((zone, new ZoneDemand(zone.Id, fraction, temperature, zone.Sources, watts, flows), target, room, reason, settings.Mode, plan, rule));
            }

            var nightCap = _nightLimit.CapAt(TimeZoneInfo.ConvertTime(now, _timeZone).TimeOfDay);
            DateTimeOffset? nextChange = null;
            int Deliver(HeatSourceOptions source, double fraction)
            {
                var delivery = _drives[source.Id].Step(now, fraction, SourceStatus(source.Id, now));
                nextChange = nextChange is { } earlier && earlier <= delivery.NextChange ? earlier : delivery.NextChange;
                return (int)Math.Round(delivery.Watts);
            }

            var commands = SafeWhereSilent(
                SourceAggregator.Commands([.. zones.Select(z => z.Demand)], _options.Sources, _options.SourceAggregation, nightCap, Deliver),
                [.. zones.Where(z => z.Rule == ZoneRule.SilentSensor).Select(z => z.Zone.Id)]);
            var sent = new List<HeatSourceCommand>(commands.Count);
            foreach (var command in commands)
            {
                var result = await SendAsync(command, cancellationToken);
                NoteCommanded(result);
                sent.Add(result);
            }

            Remember(sent, now);
            WakeForNextPhase(nextChange, now);
            lock (_gate)
            {
                _lastInputs = new HeatingPlanInputs(now, bands, prices, Hashprice(), sent);
                foreach (var z in zones)
                {
                    var reading = _readings[z.Zone.Id];
                    (reading.Decided, reading.DecidedAt) = (true, z.Room);
                    reading.SilentAtDecision = z.Rule == ZoneRule.SilentSensor;
                }
            }

            var took = _scheduler.TimeProvider.GetElapsedTime(started);
            foreach (var z in zones)
            {
                var mine = sent.Where(c => z.Zone.Sources.Contains(c.SourceId, StringComparer.Ordinal)).ToList();
                var heating = z.Demand.OnFraction > 0 && mine.Any(c => c.PowerWatts > 0);
                var action = z.Mode == ZoneMode.Off ? "off" : heating ? "heating" : "idle";
                var failed = mine.Where(c => c.Failed).Select(c => c.SourceId).ToList();
                var reason = failed.Count == 0 ? z.Reason : $"{z.Reason}; command failed: {string.Join(", ", failed)}";
                var status = new ZoneStatus(z.Zone.Id, z.Mode, z.Target.PresetName, z.Demand.Target, z.Room, action);
                lock (_gate)
                {
                    _published[z.Zone.Id] = status;
                }

                _entities?.PublishZone(status);
                _journal.Record(new HeatingDecision(
                    now, z.Zone.Id, z.Room, outdoor, z.Demand.Target, z.Demand.OnFraction, mine.Sum(c => c.PowerWatts), reason, z.Plan, z.Rule, failed));
                _telemetry?.Decision(now, z.Zone.Id, action, mine, reason, z.Plan, took);
            }

            _telemetry?.Commanded(now, sent, outdoor);
            _telemetry?.Prices(now, prices, Hashprice());
        }
        finally
        {
            _deciding.Release();
        }
    }

    private (double Fraction, double? Room, string Reason, double Target, IReadOnlyDictionary<string, double>? Watts,
        IReadOnlyDictionary<string, double>? Flows, ZonePlan? Plan, ZoneRule Rule) ZoneFraction(
        HeatingZoneOptions zone, ZoneTarget target, double? outdoor, DateTimeOffset now, double antifreeze, IReadOnlyList<ComfortSlot> band, PriceSeries prices)
    {
        double? room;
        DateTimeOffset? lastSeen;
        WindowStatus window;
        lock (_gate)
        {
            room = ReadNumber(zone.RoomTemperatureEntity);
            lastSeen = _readings[zone.Id].LastSeen;
            window = _windows[zone.Id].Evaluate(now);
        }

        var temperature = target.Temperature;
        var why = target.Source switch
        {
            ZoneTargetSource.Off => "off",
            ZoneTargetSource.Override => $"override {target.PresetName}",
            _ => $"schedule {target.PresetName}",
        };
        if (window.Paused)
        {
            temperature = Math.Min(temperature, antifreeze);
            why = window.Reason!;
        }
        else if (window.Reason is { } note)
        {
            why += $", {note}";
        }

        var age = lastSeen is { } when ? now - when : TimeSpan.MaxValue;
        if (target.Source != ZoneTargetSource.Off && !window.Paused
            && Plan(zone, room, age, outdoor, now, band, prices) is { } planned)
        {
            var heat = planned.Watts.Values.Sum() > 0 ? 1 : 0;
            return (heat, room, $"{ZoneOptimiser.Describe(planned.Plan)}, {why}", temperature, planned.Watts, planned.Flows, planned.Plan, ZoneRule.Optimiser);
        }

        if (room is null || lastSeen is not { } seen || now - seen > _options.RoomSensorTimeout)
        {
            // No demand: a blind zone drives nothing; its sources go to their safe state (SafeWhereSilent).
            return (0, room, $"{SilentSensorReason}, {why}", temperature, null, null, null, ZoneRule.SilentSensor);
        }

        var fraction = _tpi.OnFraction(temperature, room.Value, outdoor);
        return (fraction, room, string.Create(CultureInfo.InvariantCulture, $"TPI {fraction * 100:F0}%, {why}"), temperature, null, null, null, ZoneRule.Tpi);
    }

    /// <summary>Records what every source draws and delivers now, between decisions (under the decision lock, like a round).</summary>
    private async Task SampleSourcesAsync(CancellationToken cancellationToken)
    {
        if (_disposed || _telemetry is null)
        {
            return;
        }

        await _deciding.WaitAsync(cancellationToken);
        try
        {
            _telemetry.Sources(_scheduler.TimeProvider.GetUtcNow(), ReadNumber(_options.OutdoorTemperatureEntity));
        }
        finally
        {
            _deciding.Release();
        }
    }

    private async Task<HeatSourceCommand> SendAsync(HeatSourceCommand command, CancellationToken cancellationToken)
    {
        if (!_commanders.TryGetValue(command.SourceId, out var commander))
        {
            LogNoCommander(_logger, command.SourceId);
            return command with { Reason = $"{command.Reason}; command failed: no commander", Delivery = CommandDelivery.NoCommander, FailureCode = "no commander" };
        }

        try
        {
            await commander.CommandAsync(command, cancellationToken);
            LogSourceCommand(_logger, command.SourceId, command.PowerWatts, command.Reason);
            return command with { Delivery = CommandDelivery.Delivered };
        }
#pragma warning disable CA1031 // A failing source must not stop the other sources or the zones' state: it is logged and journaled.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogSourceFailed(_logger, ex, command.SourceId, command.PowerWatts);
            var code = ex switch
            {
                ServiceCallException failure => failure.Code,
                HeatSourceNotInEffectException driver => driver.Code,
                _ => ex.GetType().Name,
            };
            return command with { Reason = $"{command.Reason}; command failed: {code}", Delivery = CommandDelivery.Failed, FailureCode = code };
        }
    }

    private double? Hashprice() =>
        (_options.Prices.HashpriceEntity is { } entity ? ReadNumber(entity) : null) ?? _options.Prices.Hashprice;

    private double? ReadNumber(string? entityId) =>
        entityId is not null && _ha.GetState(entityId) is { IsUnavailable: false } state ? state.AsNumber() : null;

    [LoggerMessage(EventId = 5220, Level = LogLevel.Information, Message = "Heating source {Source}: {Power} W ({Reason})")]
    private static partial void LogSourceCommand(ILogger logger, string source, int power, string reason);

    [LoggerMessage(EventId = 5221, Level = LogLevel.Warning, Message = "Heating source {Source}: commanding {Power} W failed")]
    private static partial void LogSourceFailed(ILogger logger, Exception ex, string source, int power);

    [LoggerMessage(EventId = 5222, Level = LogLevel.Warning, Message = "Heating source {Source}: no commander can drive it (a fleet source needs the fleet app)")]
    private static partial void LogNoCommander(ILogger logger, string source);
}
