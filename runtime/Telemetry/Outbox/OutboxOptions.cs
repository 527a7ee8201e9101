namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>Where the outbox lives and how much disk it may take.</summary>
public sealed record OutboxOptions
{
    /// <summary>The outbox's own directory (segments and one cursor per sink).</summary>
    public required string Directory { get; init; }

    /// <summary>The most bytes the segments may take; past it the oldest segment is dropped (counted, reported).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>A segment is closed and a new one started past this size: the unit that is dropped or deleted.</summary>
    public long SegmentBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>The most bytes one read hands to a sink.</summary>
    public int MaxBatchBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytes, SegmentBytes * 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchBytes, 1024);
    }
}
