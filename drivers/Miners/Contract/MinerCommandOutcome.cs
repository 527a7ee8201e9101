namespace ProofOfHeat.Drivers.Miners;

/// <summary>The outcome of a command.</summary>
public enum MinerCommandOutcome
{
    /// <summary>Sent, and the read-back shows it in effect (or the expected restart under way).</summary>
    Applied,

    /// <summary>Nothing sent: the miner was already in that state.</summary>
    AlreadyInEffect,

    /// <summary>Sent, but the miner could not be read back within the verify time (unreachable or not answering), so nothing is known.</summary>
    Unverified,

    /// <summary>
    /// Sent and acknowledged, but the read-back shows the miner did not take it: the field it reports, or the power
    /// it measures once settled, is not what was asked (<see cref="MinerCommandResult.Expected"/> and
    /// <see cref="MinerCommandResult.Observed"/> say what).
    /// </summary>
    NotApplied,
}
