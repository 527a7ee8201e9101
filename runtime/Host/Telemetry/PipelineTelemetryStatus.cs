using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Store.Metrics;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// The telemetry pipeline's counters as <c>/metrics</c> reads them. A sink's lag is how long it has gone without
/// acknowledging a batch while failing (zero while it keeps up). The outbox's pending point count would need a scan
/// of its segments at every scrape, so it is reported as appended minus dropped minus what the slowest sink took.
/// </summary>
internal sealed class PipelineTelemetryStatus(TelemetryPipeline pipeline, TimeProvider time) : ITelemetryStatus
{
    /// <inheritdoc />
    public long PointsRecorded => pipeline.Recorder.QueuedPoints;

    /// <inheritdoc />
    public int QueueDepth => pipeline.Recorder.QueueDepth;

    /// <inheritdoc />
    public long QueueDropped => pipeline.Recorder.DroppedPoints;

    /// <inheritdoc />
    public long OutboxBytes => pipeline.Outbox.SizeBytes;

    /// <inheritdoc />
    public long OutboxPoints => pipeline.Deliveries.Count == 0
        ? 0
        : Math.Max(0, pipeline.Outbox.AppendedPoints - pipeline.Outbox.DroppedPoints
            - pipeline.Deliveries.Min(d => d.DeliveredPoints + d.RejectedPoints));

    /// <inheritdoc />
    public long OutboxDropped => pipeline.Outbox.DroppedPoints;

    /// <inheritdoc />
    public IReadOnlyList<TelemetrySinkStatus> Sinks =>
    [
        .. pipeline.Deliveries.Select(d => new TelemetrySinkStatus(
            d.SinkName,
            d.IsFailing ? time.GetUtcNow() - d.LastAcknowledgedAt : TimeSpan.Zero,
            d.DeliveredPoints,
            d.FailedAttempts)),
    ];
}
