using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>The product's store, unchanged (runtime/Telemetry.Store).</summary>
internal sealed class SqliteBenchStore(string directory, TimeProvider time) : IBenchStore
{
    private readonly Telemetry.Store.TelemetryStore _store = Telemetry.Store.TelemetryStore.Open(directory, new TelemetryStoreOptions { RawRetention = TimeSpan.FromDays(30) }, time);

    public ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken) => _store.WriteAsync(batch, cancellationToken);

    public int QueryQuarters(string table, string symbols, string field, DateTimeOffset from, DateTimeOffset to) =>
        _store.Query(new SeriesKey(table, symbols, field), from, to, SeriesResolution.FifteenMinutes).Count;

    public void Checkpoint() => _store.Checkpoint();

    public void Dispose() => _store.Dispose();
}
