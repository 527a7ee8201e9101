using System.Text.Json;

namespace ProofOfHeat.AppModel.Backend;

/// <summary>An event from the home other than a state change (for example <c>call_service</c> or a custom event).</summary>
/// <param name="EventType">The event type.</param>
/// <param name="Data">The event data as raw JSON.</param>
/// <param name="TimeFired">When the home fired it.</param>
public sealed record HomeEvent(string EventType, JsonElement Data, DateTimeOffset TimeFired);
