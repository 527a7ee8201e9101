namespace ProofOfHeat.Telemetry.Recording;

/// <summary>The recorder's queue and group commit.</summary>
public sealed record RecorderOptions
{
    /// <summary>Points the queue holds before recording drops new ones.</summary>
    public int QueueCapacity { get; init; } = 100_000;

    /// <summary>How long the loop gathers points before one flush to the disk; zero flushes each time it wakes.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
