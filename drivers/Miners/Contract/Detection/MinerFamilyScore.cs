namespace ProofOfHeat.Drivers.Miners.Detection;

/// <summary>How sure one family is that a host runs it.</summary>
/// <param name="Family">The family id.</param>
/// <param name="Score">Its score (higher = surer).</param>
public sealed record MinerFamilyScore(string Family, int Score);
