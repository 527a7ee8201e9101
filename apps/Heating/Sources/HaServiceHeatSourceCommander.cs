using System.Text.Json;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Commands a source through HA services: a power number gets <c>set_value</c> in watts, a switch
/// <c>turn_on</c>/<c>turn_off</c>, a climate <c>set_temperature</c> with <c>hvac_mode: heat</c> while it should
/// heat and <c>set_hvac_mode: off</c> otherwise; a hydronic source with a flow setpoint entity gets the planned
/// flow temperature first. Failures surface as <see cref="ServiceCallException"/>. With a
/// <see cref="HeatSourceOptions.PowerSensorEntity"/> it also reads back what the source draws.
/// </summary>
public sealed class HaServiceHeatSourceCommander : IHeatSourceCommander, IHeatSourceReadback
{
    private readonly Func<ServiceCall, CancellationToken, Task<JsonElement?>> _call;
    private readonly IHaContext? _ha;
    private readonly HeatSourceOptions _source;
    private readonly string _domain;

    /// <summary>Creates a commander for <paramref name="source"/> (kinds number, switch and climate).</summary>
    public HaServiceHeatSourceCommander(IHaContext ha, HeatSourceOptions source)
        : this((ha ?? throw new ArgumentNullException(nameof(ha))).CallServiceAsync, source)
    {
        _ha = ha;
    }

    /// <summary>
    /// Creates a commander that calls services through <paramref name="call"/>: the safe thermostat's, which outlives
    /// the app and its <see cref="IHaContext"/> (so it reads no power sensor: <see cref="DeliveredWatts"/> is null).
    /// </summary>
    public HaServiceHeatSourceCommander(Func<ServiceCall, CancellationToken, Task<JsonElement?>> call, HeatSourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind is HeatSourceKind.Fleet or HeatSourceKind.Driver)
        {
            throw new ArgumentException($"Source '{source.Id}' is a {source.Kind.ToString().ToLowerInvariant()} source; HA services cannot drive it.", nameof(source));
        }

        _call = call;
        _source = source;
        _domain = source.Entity[..source.Entity.IndexOf('.', StringComparison.Ordinal)];
    }

    /// <inheritdoc />
    public string SourceId => _source.Id;

    /// <inheritdoc />
    public double? DeliveredWatts
    {
        get
        {
            if (_source.PowerSensorEntity is not { } sensor || _ha?.GetState(sensor) is not { IsUnavailable: false } state || state.AsNumber() is not { } value)
            {
                return null;
            }

            var unit = state.Attribute("unit_of_measurement");
            var kilowatts = unit is { ValueKind: System.Text.Json.JsonValueKind.String } u && string.Equals(u.GetString(), "kW", StringComparison.OrdinalIgnoreCase);
            return Math.Max(0, kilowatts ? value * 1000 : value);
        }
    }

    /// <inheritdoc />
    public async Task CommandAsync(HeatSourceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_source.FlowTemperatureEntity is { } flowEntity && command.FlowTemperature is { } flow)
        {
            // The flow first: a source switched on heats at once at the flow it was last given.
            var flowDomain = flowEntity[..flowEntity.IndexOf('.', StringComparison.Ordinal)];
            await _call(
                new ServiceCall(flowDomain, "set_value", ServiceTarget.Entities(flowEntity), new Dictionary<string, object> { ["value"] = Math.Round(flow, 1) }),
                cancellationToken);
        }

        var target = ServiceTarget.Entities(_source.Entity);
        var on = command.PowerWatts > 0;
        var call = _source.Kind switch
        {
            HeatSourceKind.Number => new ServiceCall(_domain, "set_value", target, new Dictionary<string, object> { ["value"] = command.PowerWatts }),
            HeatSourceKind.Switch => new ServiceCall(_domain, on ? "turn_on" : "turn_off", target, null),
            HeatSourceKind.Climate when on && command.TargetTemperature is { } setpoint => new ServiceCall(
                "climate", "set_temperature", target, new Dictionary<string, object> { ["temperature"] = setpoint, ["hvac_mode"] = "heat" }),
            HeatSourceKind.Climate => new ServiceCall(
                "climate", "set_hvac_mode", target, new Dictionary<string, object> { ["hvac_mode"] = on ? "heat" : "off" }),
            _ => throw new InvalidOperationException($"Source '{_source.Id}' has kind {_source.Kind}, which HA services cannot drive."),
        };
        await _call(call, cancellationToken);
    }
}
