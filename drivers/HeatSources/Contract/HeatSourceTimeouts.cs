namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The bounds every driver keeps, on its injected clock, so a dead or stalled source costs a known time.</summary>
public sealed record HeatSourceTimeouts
{
    /// <summary>Time to open a connection.</summary>
    public TimeSpan Connect { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time for a reply once a request is sent.</summary>
    public TimeSpan Reply { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Extra attempts after a failed one (transport errors and garbage; never after a refusal).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Wait before a retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a command's read-back may take to show the new state before the result is "not followed".</summary>
    public TimeSpan Verify { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between read-backs while verifying.</summary>
    public TimeSpan VerifyPoll { get; init; } = TimeSpan.FromSeconds(1);
}
