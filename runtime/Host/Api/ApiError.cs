namespace ProofOfHeat.Host.Api;

/// <summary>The body of every error answer: what is wrong, in one sentence.</summary>
/// <param name="Error">The message.</param>
internal sealed record ApiError(string Error);
