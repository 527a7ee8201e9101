namespace ProofOfHeat.Drivers.Miners;

/// <summary>The bounds every driver keeps, so a dead or stalled miner costs a known, short time.</summary>
public sealed record MinerTimeouts
{
    /// <summary>Time to open a connection.</summary>
    public TimeSpan Connect { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time for a whole reply once the request is sent (a stalled miner, or one that never ends its reply).</summary>
    public TimeSpan Reply { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra attempts after a failed one (transport errors and garbage; never after an auth refusal).</summary>
    public int Retries { get; init; } = 1;

    /// <summary>Wait before a retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a command's read-back may take to show the new state before the result is "unverified".</summary>
    public TimeSpan Verify { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a power change may take to show in what the miner measures; null uses the family's typical settle
    /// time (<see cref="MinerCapabilities.TypicalSettleTime"/>). Only for families with a power tolerance.
    /// </summary>
    public TimeSpan? Settle { get; init; }

    /// <summary>Pause between read-backs while verifying.</summary>
    public TimeSpan VerifyPoll { get; init; } = TimeSpan.FromSeconds(2);
}
