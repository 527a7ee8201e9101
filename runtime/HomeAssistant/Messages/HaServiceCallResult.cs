using System.Text.Json;

namespace ProofOfHeat.HomeAssistant;

/// <summary>HA's answer to <c>call_service</c>; it arrives after the service has finished.</summary>
/// <param name="Context">The context HA created for the call (id, parent_id, user_id).</param>
/// <param name="Response">The service's response data when <c>return_response</c> was true; otherwise null.</param>
public sealed record HaServiceCallResult(JsonElement? Context, JsonElement? Response);
