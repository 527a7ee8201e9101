using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Sinks;

/// <summary>
/// A destination the outbox delivers recorded points to: the embedded store, QuestDB or InfluxDB. The outbox keeps one
/// cursor per sink (by <see cref="Name"/>) and moves it past a batch only when <see cref="WriteAsync"/> returned.
/// </summary>
/// <remarks>
/// A batch may be delivered again after a crash between the write and the cursor's save, so a sink must store a
/// repeated point once (QuestDB: <c>DEDUP UPSERT KEYS</c>; the embedded store: a key on table, symbols and time).
/// Errors: throw <see cref="TelemetrySinkException"/> with <see cref="TelemetrySinkException.IsRetriable"/> true
/// for a sink that is down or busy (the outbox waits and offers the same batch again), false for a batch the sink
/// will never take (the outbox logs it once and moves past it). Any other exception counts as retriable.
/// </remarks>
public interface ITelemetrySink
{
    /// <summary>A stable name: the outbox's cursor for this sink is stored under it.</summary>
    string Name { get; }

    /// <summary>Stores <paramref name="batch"/> (in recording order) durably, or throws.</summary>
    ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken);
}
