namespace ProofOfHeat.Drivers.Miners;

/// <summary>What came of a command.</summary>
/// <param name="Outcome">Whether it was sent and whether the read-back showed it.</param>
/// <param name="Reading">The last reading taken (the read-back, or the reading that showed nothing was needed).</param>
/// <param name="Detail">What the driver sent, or why it is unverified (e.g. "sent power_limit 2400; the miner restarts").</param>
public sealed record MinerCommandResult(MinerCommandOutcome Outcome, MinerReading Reading, string? Detail = null);
