namespace ProofOfHeat.Drivers.Miners;

/// <summary>What a family sent for a command.</summary>
/// <param name="Detail">The request in words, for the audit log (no secrets).</param>
/// <param name="Restarts">Whether the miner now restarts (its API may be down for a while; the read-back expects that).</param>
public sealed record SentCommand(string Detail, bool Restarts = false);
