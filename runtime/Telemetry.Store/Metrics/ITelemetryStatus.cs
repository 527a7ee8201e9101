namespace ProofOfHeat.Telemetry.Store.Metrics;

/// <summary>
/// What the telemetry pipeline (the recorder, its queue, the outbox and the sinks in runtime/Telemetry) reports for
/// <c>/metrics</c>. The pipeline implements it; <see cref="BrainMetrics"/> reads it at each scrape. Totals only grow.
/// </summary>
public interface ITelemetryStatus
{
    /// <summary>Points handed to the recorder since start.</summary>
    long PointsRecorded { get; }

    /// <summary>Points waiting in the recorder's in-memory queue.</summary>
    int QueueDepth { get; }

    /// <summary>Points the full queue refused since start.</summary>
    long QueueDropped { get; }

    /// <summary>The outbox's size on disk, bytes.</summary>
    long OutboxBytes { get; }

    /// <summary>Points in the outbox not yet acknowledged by every sink.</summary>
    long OutboxPoints { get; }

    /// <summary>Points dropped from the outbox at its size bound since start.</summary>
    long OutboxDropped { get; }

    /// <summary>Each sink's delivery.</summary>
    IReadOnlyList<TelemetrySinkStatus> Sinks { get; }
}
