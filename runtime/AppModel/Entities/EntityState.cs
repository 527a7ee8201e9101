using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.AppModel.Entities;

/// <summary>
/// One entity's state as HA reports it: the state is always a string (it may be <c>unavailable</c>
/// or <c>unknown</c>), attributes are raw JSON so that the hot path never deserialises them.
/// </summary>
/// <param name="EntityId">The entity id, <c>domain.object_id</c>.</param>
/// <param name="State">The state string, or <see langword="null"/> when the entity has none.</param>
/// <param name="Attributes">The attributes object (an empty object when there are none).</param>
/// <param name="LastChanged">When the state value last changed.</param>
/// <param name="LastUpdated">When the state or any attribute last changed.</param>
public sealed record EntityState(
    string EntityId,
    string? State,
    JsonElement Attributes,
    DateTimeOffset LastChanged,
    DateTimeOffset LastUpdated)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>An empty attributes object, for states built in code.</summary>
    public static JsonElement NoAttributes => EmptyObject;

    /// <summary>The state parsed as an invariant-culture number, or <see langword="null"/> (also for <c>unavailable</c>/<c>unknown</c>).</summary>
    public double? AsNumber() =>
        double.TryParse(State, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// The state of a two-state entity: <c>on</c> and <c>off</c> (any case) are readings, <c>unavailable</c> is kept as
    /// such, and everything else (<c>unknown</c>, no state, or a value like <c>maybe</c> or <c>7</c>) is unknown.
    /// </summary>
    public BinarySensorState AsBinary() => State?.ToUpperInvariant() switch
    {
        "ON" => BinarySensorState.On,
        "OFF" => BinarySensorState.Off,
        "UNAVAILABLE" => BinarySensorState.Unavailable,
        _ => BinarySensorState.Unknown,
    };

    /// <summary>Whether the state is <c>unavailable</c> or <c>unknown</c> (or missing).</summary>
    public bool IsUnavailable =>
        State is null || State.Equals("unavailable", StringComparison.OrdinalIgnoreCase) || State.Equals("unknown", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one attribute, or <see langword="null"/> when it is missing.</summary>
    public JsonElement? Attribute(string name) =>
        Attributes.ValueKind == JsonValueKind.Object && Attributes.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Reads one numeric attribute, or <see langword="null"/> when it is missing or not a number.</summary>
    public double? NumericAttribute(string name) => Attribute(name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    /// <summary>Builds a state from code (simulators, MQTT devices, tests).</summary>
    public static EntityState Create(string entityId, string? state, DateTimeOffset at, object? attributes = null) =>
        new(entityId, state, attributes is null ? EmptyObject : JsonSerializer.SerializeToElement(attributes), at, at);
}
