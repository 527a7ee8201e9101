namespace ProofOfHeat.Drivers.Miners;

/// <summary>The outcome of a command.</summary>
public enum MinerCommandOutcome
{
    /// <summary>Sent, and the read-back shows it in effect (or the expected restart under way).</summary>
    Applied,

    /// <summary>Nothing sent: the miner was already in that state.</summary>
    AlreadyInEffect,

    /// <summary>Sent and acknowledged, but the read-back did not show it within the verify time.</summary>
    Unverified,
}
