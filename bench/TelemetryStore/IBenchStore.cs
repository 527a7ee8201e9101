using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>An engine under measurement: the product's store (SQLite) or the same schema in DuckDB.</summary>
internal interface IBenchStore : IDisposable
{
    /// <summary>Stores a batch and brings its rollups up to date.</summary>
    ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken);

    /// <summary>The 15-minute buckets of one series (table, canonical symbols, field) over [from, to); returns the bucket count.</summary>
    int QueryQuarters(string table, string symbols, string field, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Writes everything to the main file (WAL checkpoint), for a fair size on disk.</summary>
    void Checkpoint();
}
