using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>A <c>call_service</c> the fake received.</summary>
public sealed record FakeServiceCall(
    int Connection,
    long Id,
    string Domain,
    string Service,
    JsonObject? Target,
    JsonObject? ServiceData,
    bool ReturnResponse)
{
    /// <summary>The entity ids of the target (a single string or a list on the wire).</summary>
    public IReadOnlyList<string> TargetEntityIds => Target?["entity_id"] switch
    {
        JsonArray array => [.. array.Select(n => n!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
