using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// What a home state becomes in telemetry. A climate entity is a zone: table <c>zone</c>, symbol <c>zone</c>, fields
/// <c>room_c</c> and <c>target_c</c> (HA's <c>current_temperature</c> and <c>temperature</c> attributes) and the
/// HVAC mode. Any other entity: table <c>state</c>, symbols <c>domain</c> and <c>entity</c>, a float <c>value</c> when
/// the state is a number (sensors, the brain's own MQTT sensors: miner power and hashrate, prices) and a string
/// <c>state</c> otherwise. Unavailable states and attribute-only changes of other entities are not recorded.
/// </summary>
internal static class StateChangePoints
{
    private const string ClimateDomain = "climate";

    /// <summary>The point for <paramref name="state"/>, or null when there is nothing worth recording.</summary>
    public static TelemetryPoint? From(EntityState state, bool valueChanged)
    {
        ArgumentNullException.ThrowIfNull(state);
        var dot = state.EntityId.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || state.IsUnavailable)
        {
            return null;
        }

        var domain = state.EntityId[..dot];
        var name = state.EntityId[(dot + 1)..];
        if (domain == ClimateDomain)
        {
            return Zone(state, name);
        }

        if (!valueChanged)
        {
            return null;
        }

        var field = state.AsNumber() is { } number && double.IsFinite(number)
            ? TelemetryField.Of("value", number)
            : TelemetryField.Of("state", state.State!);
        return new TelemetryPoint("state", state.LastUpdated, [new("domain", domain), new("entity", name)], [field]);
    }

    private static TelemetryPoint? Zone(EntityState state, string zone)
    {
        var fields = new List<TelemetryField>(3) { TelemetryField.Of("hvac", state.State!) };
        if (state.NumericAttribute("current_temperature") is { } room)
        {
            fields.Add(TelemetryField.Of("room_c", room));
        }

        if (state.NumericAttribute("temperature") is { } target)
        {
            fields.Add(TelemetryField.Of("target_c", target));
        }

        return new TelemetryPoint("zone", state.LastUpdated, [new("zone", zone)], fields);
    }
}
