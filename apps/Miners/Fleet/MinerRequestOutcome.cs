using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>What came of a request to the fleet.</summary>
/// <param name="CorrelationId">The id the audit log carries for this request.</param>
/// <param name="Decision">The dwell guard's decision (on the command as the miner takes it: clamped, capped, as a tier).</param>
/// <param name="Result">The driver's result when the command was sent now; null otherwise.</param>
/// <param name="Error">Why it could not be sent or is not possible, or null.</param>
public sealed record MinerRequestOutcome(string CorrelationId, MinerDwellDecision Decision, MinerCommandResult? Result = null, string? Error = null)
{
    /// <summary>Whether the command went to the miner now.</summary>
    public bool Sent => Result is not null;
}
