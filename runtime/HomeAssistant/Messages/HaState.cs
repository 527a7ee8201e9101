using System.Text.Json;

namespace ProofOfHeat.HomeAssistant;

/// <summary>One entity's state as HA reports it in <c>get_states</c> and <c>state_changed</c>.</summary>
/// <param name="EntityId">The entity id, for example <c>sensor.flow_temp</c>.</param>
/// <param name="State">The state; always a string on the wire (<c>"41.5"</c>, <c>"on"</c>, <c>"unavailable"</c>).</param>
/// <param name="Attributes">The attributes object, kept undeserialised (it owns its memory and stays valid).</param>
/// <param name="LastChanged">When the state value last changed.</param>
/// <param name="LastUpdated">When the state or any attribute last changed.</param>
public sealed record HaState(
    string EntityId,
    string? State,
    JsonElement Attributes,
    DateTimeOffset LastChanged,
    DateTimeOffset LastUpdated);
