using System.Globalization;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety;

/// <summary>
/// Overload shedding: every meter reading is decided on as it arrives (the shed command leaves within the same
/// handler), and a timer reconsiders the last reading so loads come back even when the meter reports only changes.
/// A load that does not go off (the fleet's dwell guard defers it, the device does not confirm) is passed over and the
/// next one shed.
/// </summary>
public sealed partial class SafetyApp
{
    private const string OverloadKey = "safety.overload";
    private readonly OverloadPolicy? _overload;
    private readonly Lock _overloadGate = new();
    private double? _lastWatts;

    private void OnMeter(string entityId, EntityState? state)
    {
        if (_options.Overload is not { } options || entityId != options.Meter || state?.AsNumber() is not { } value)
        {
            return;
        }

        var unit = state.Attribute("unit_of_measurement") is { ValueKind: System.Text.Json.JsonValueKind.String } u ? u.GetString() : null;
        _lastWatts = string.Equals(unit, "kW", StringComparison.OrdinalIgnoreCase) ? value * 1000 : value;
        DecideOverload(_lastWatts.Value);
    }

    private Task ReconsiderOverloadAsync()
    {
        if (_lastWatts is { } watts)
        {
            Guard(SafetyRule.Overload, () => DecideOverload(watts));
        }

        return Task.CompletedTask;
    }

    private void DecideOverload(double watts)
    {
        OverloadDecision decision;
        lock (_overloadGate)
        {
            decision = _overload!.Evaluate(watts, _time.GetUtcNow(), HeldEntities, IsDrawing);
        }

        if (decision.IsEmpty)
        {
            return;
        }

        var correlationId = IAuditTrail.NewCorrelationId();
        var limit = _options.Overload!.LimitWatts;
        var reading = string.Create(CultureInfo.InvariantCulture, $"{watts:0} W against the limit {limit:0} W");
        foreach (var load in decision.Shed)
        {
            Track(ShedAsync(load, reading, correlationId));
        }

        foreach (var load in decision.Restore)
        {
            Track(RestoreAsync(load, reading, correlationId));
        }

        if (decision.Shed.Count > 0)
        {
            LogShed(_logger, reading, string.Join(", ", decision.Shed.Select(l => l.Id)), decision.Uncovered, correlationId);
            Track(_alerts.RaiseAsync(
                OverloadKey,
                decision.Uncovered > 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
                "safety.overload",
                "Main fuse overloaded",
                $"The house draws {reading}. Shed: {string.Join(", ", decision.Shed.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Id} ({l.Watts:0} W)")))}"
                    + (decision.Uncovered > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {decision.Uncovered:0} W still over with nothing left to shed.") : "."),
                new Dictionary<string, object?> { ["power"] = watts, ["watts"] = watts, ["limit"] = limit, ["shed"] = string.Join(", ", decision.Shed.Select(l => l.Id)) }));
        }
        else
        {
            LogRestored(_logger, string.Join(", ", decision.Restore.Select(l => l.Id)), reading, correlationId);
            lock (_overloadGate)
            {
                if (_overload.ShedLoads.Count == 0)
                {
                    Track(_alerts.ResolveAsync(OverloadKey));
                }
            }
        }
    }

    private async Task ShedAsync(SheddableLoadOptions load, string reading, string correlationId)
    {
        var reason = $"overload: {reading}";
        bool done;
        string detail;
        if (load.IsMiner)
        {
            var result = _miners is null
                ? new Loads.MinerSwitchResult(false, false, "no miner fleet")
                : await _miners.SleepAsync(load.Id, reason, _stopping.Token).ConfigureAwait(false);
            (done, detail) = (result.Done, result.Detail);
        }
        else
        {
            var outcome = await Run(new DeviceCommand(load.Id, DesiredState.Off), SafetyRule.Overload, reason, correlationId).ConfigureAwait(false);
            (done, detail) = (outcome.Confirmed || outcome.WasSuperseded, outcome.Detail ?? "confirmed");
        }

        if (!done)
        {
            LogShedFailed(_logger, load.Id, detail, correlationId);
            lock (_overloadGate)
            {
                _overload!.ShedFailed(load.Id, _time.GetUtcNow());
            }

            // The next load in line goes instead, on the same reading.
            if (_lastWatts is { } watts)
            {
                Guard(SafetyRule.Overload, () => DecideOverload(watts));
            }
        }
    }

    private async Task RestoreAsync(SheddableLoadOptions load, string reading, string correlationId)
    {
        var reason = $"overload over: {reading}";
        bool done;
        if (load.IsMiner)
        {
            // Woken through the fleet: its dwell guard keeps the miner's own minimum off time.
            done = _miners is not null && (await _miners.WakeAsync(load.Id, reason, _stopping.Token).ConfigureAwait(false)) is { Done: true } or { Deferred: true };
        }
        else
        {
            done = (await Run(new DeviceCommand(load.Id, DesiredState.On), SafetyRule.Overload, reason, correlationId).ConfigureAwait(false)).Confirmed;
        }

        if (!done)
        {
            lock (_overloadGate)
            {
                _overload!.RestoreFailed(load, _time.GetUtcNow());
            }
        }
    }

    private bool? IsDrawing(SheddableLoadOptions load) => load.IsMiner
        ? _miners?.IsDrawing(load.Id)
        : _ha.GetState(load.Id)?.State switch
        {
            "on" => true,
            "off" => false,
            _ => null,
        };
}
