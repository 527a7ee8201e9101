using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>What a scripted service does: succeed (optionally with response data) or fail with an HA error code.</summary>
public sealed record FakeServiceOutcome(JsonNode? Response, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>Success without response data.</summary>
    public static FakeServiceOutcome Ok() => new(null, null, null);

    /// <summary>Success with response data (serialised with System.Text.Json).</summary>
    public static FakeServiceOutcome WithResponse(object response) => new(JsonSerializer.SerializeToNode(response), null, null);

    /// <summary>Failure with an HA error code such as <c>home_assistant_error</c> or <c>service_validation_error</c>.</summary>
    public static FakeServiceOutcome Error(string code, string message) => new(null, code, message);
}
