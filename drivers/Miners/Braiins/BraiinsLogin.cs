namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>The answer to <c>POST /api/v1/auth/login</c>.</summary>
/// <param name="Token">Sent back in the <c>Authorization</c> header.</param>
/// <param name="Lifetime">How long the token lives without use (<c>timeout_s</c>).</param>
internal sealed record BraiinsLogin(string Token, TimeSpan Lifetime);
