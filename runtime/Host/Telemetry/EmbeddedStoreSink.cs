using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Sinks;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// The embedded telemetry store as one of the outbox's sinks (cursor name <c>store</c>). The store keys raw points by
/// series and second, so a batch offered again after a crash is stored once. A store error (disk full, locked) is
/// retriable: the points stay in the outbox until the store takes them.
/// </summary>
internal sealed class EmbeddedStoreSink(TelemetryStore store) : ITelemetrySink
{
    /// <inheritdoc />
    public string Name => "store";

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (TelemetryStoreException error)
        {
            throw new TelemetrySinkException($"the embedded telemetry store refused the batch: {error.Message}", isRetriable: true, error);
        }
    }
}
