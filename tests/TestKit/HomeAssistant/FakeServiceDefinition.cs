namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>A service the fake knows.</summary>
internal sealed record FakeServiceDefinition(
    string Domain,
    string Service,
    FakeResponseSupport ResponseSupport,
    Func<FakeServiceCall, FakeServiceOutcome> Handler);
