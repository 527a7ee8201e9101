using System.Globalization;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety;

/// <summary>
/// Frost and over-temperature: a forced zone's entities are held. Whatever switches a held entity away (the heating
/// app, a profile, an override, a person in HA) is undone at once while the force lasts; overload shedding never sheds it.
/// </summary>
public sealed partial class SafetyApp
{
    private readonly List<ThermalZonePolicy> _zones;
    private readonly Dictionary<string, (DeviceCommand Command, SafetyRule Rule, string Zone)> _held = new(StringComparer.Ordinal);

    /// <summary>The entities a safety rule holds now (never shed); read by overload shedding from its timer too.</summary>
    internal IReadOnlySet<string> HeldEntities
    {
        get
        {
            lock (_held)
            {
                return _held.Keys.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    private void OnZoneChange(string entityId, EntityState? state)
    {
        (DeviceCommand Command, SafetyRule Rule, string Zone) held;
        bool isHeld;
        lock (_held)
        {
            isHeld = _held.TryGetValue(entityId, out held);
        }

        if (isHeld && state is { } now && !held.Command.IsConfirmedBy(now.State) && !now.IsUnavailable)
        {
            // Someone switched a held entity away: put it back.
            Run(held.Command, held.Rule, $"{held.Zone} is held by {Noun(held.Rule)}; {entityId} was switched to {now.State}", IAuditTrail.NewCorrelationId());
        }

        foreach (var zone in _zones.Where(z => z.Zone.Sensor == entityId))
        {
            if (zone.Evaluate(state?.AsNumber()) is { } force)
            {
                Apply(zone, force, state!.AsNumber()!.Value);
            }
        }
    }

    private void Apply(ThermalZonePolicy policy, ThermalForce force, double temperature)
    {
        var zone = policy.Zone;
        lock (_held)
        {
            foreach (var id in _held.Where(h => h.Value.Zone == zone.Name).Select(h => h.Key).ToList())
            {
                _held.Remove(id);
            }
        }

        var key = $"safety.zone.{zone.Name}";
        var reading = temperature.ToString("0.0", CultureInfo.InvariantCulture);
        if (force == ThermalForce.None)
        {
            LogZoneReleased(_logger, zone.Name, reading);
            Track(_alerts.ResolveAsync(key));
            return;
        }

        var rule = force == ThermalForce.Heat ? SafetyRule.Freeze : SafetyRule.OverTemperature;
        var commands = force == ThermalForce.Heat
            ? zone.Heat.Select(h => new DeviceCommand(h, DesiredState.On))
            : zone.Sources.Select(s => new DeviceCommand(s, DesiredState.Off));
        var correlationId = IAuditTrail.NewCorrelationId();
        var limit = (force == ThermalForce.Heat ? zone.FrostLimit : zone.OverTemperature)!.Value.ToString("0.0", CultureInfo.InvariantCulture);
        var reason = force == ThermalForce.Heat ? $"{zone.Name} at {reading} °C, below its frost limit {limit} °C" : $"{zone.Name} at {reading} °C, above {limit} °C";
        var list = commands.ToList();
        lock (_held)
        {
            foreach (var command in list)
            {
                _held[command.EntityId] = (command, rule, zone.Name);
            }
        }

        foreach (var command in list)
        {
            Run(command, rule, reason, correlationId);
        }

        LogZoneForced(_logger, zone.Name, force, reading);
        Track(_alerts.RaiseAsync(
            key,
            AlertSeverity.Warning,
            force == ThermalForce.Heat ? "safety.freeze" : "safety.over_temperature",
            force == ThermalForce.Heat ? $"Frost risk in {zone.Name}" : $"{zone.Name} too hot",
            $"{Capitalised(reason)}. Held: {string.Join("; ", list.Select(c => c.ToString()))}, whatever price, profile or switch say.",
            new Dictionary<string, object?> { ["zone"] = zone.Name, ["temperature"] = temperature, ["limit"] = limit }));
    }
}
