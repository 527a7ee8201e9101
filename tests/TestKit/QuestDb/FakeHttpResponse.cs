namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>What the fake answers: a status and an optional JSON body, or <see cref="Drop"/> (close without answering).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Json">A JSON body, or null.</param>
public sealed record FakeHttpResponse(int Status, string? Json)
{
    /// <summary>Close the connection (with a reset) instead of answering.</summary>
    public static FakeHttpResponse Drop { get; } = new(0, null);
}
