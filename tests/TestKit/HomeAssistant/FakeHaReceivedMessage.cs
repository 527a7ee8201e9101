namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>One message the fake received (auth included, with its raw JSON).</summary>
/// <param name="Connection">The 1-based number of the connection it arrived on.</param>
/// <param name="Type">Its <c>type</c>, or null when missing.</param>
/// <param name="Id">Its <c>id</c>, when it is an integer.</param>
/// <param name="Json">The raw JSON of the message object.</param>
public sealed record FakeHaReceivedMessage(int Connection, string? Type, long? Id, string Json);
