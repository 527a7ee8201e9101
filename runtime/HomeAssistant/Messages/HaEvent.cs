using System.Text.Json;

namespace ProofOfHeat.HomeAssistant;

/// <summary>Any subscribed HA event other than <c>state_changed</c>.</summary>
/// <param name="EventType">The event type, for example <c>call_service</c> or <c>automation_triggered</c>.</param>
/// <param name="Data">The event's data object (owns its memory).</param>
/// <param name="TimeFired">When HA fired the event.</param>
public sealed record HaEvent(string EventType, JsonElement Data, DateTimeOffset TimeFired);
