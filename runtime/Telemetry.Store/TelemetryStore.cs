using ProofOfHeat.Telemetry.Store.Sqlite;

namespace ProofOfHeat.Telemetry.Store;

/// <summary>
/// The embedded telemetry store: <c>telemetry.db</c> in the data directory, separate from the run-time state
/// (<c>poh.db</c>) so that a burst of telemetry never slows or bloats the state the brain runs on. Raw points at up to
/// one per second per series, one-minute and fifteen-minute rollups kept up to date as points arrive (late points
/// too), retention per tier, and the queries the page's charts and <c>poh report</c> read. SQLite was chosen over
/// DuckDB by measurement: bench/TelemetryStore/README.md. Thread-safe: one lock serialises every call, which the
/// single-writer pipeline and the occasional query never contend on for long.
/// </summary>
public sealed partial class TelemetryStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StoreConnection _connection;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Table, string Symbols, string Field), long> _seriesIds = [];
    private readonly Dictionary<long, SeriesKey> _seriesKeys = [];
    private readonly StoreStatement _insertSeries;
    private readonly StoreStatement _upsertRaw;
    private readonly StoreStatement _upsertText;
    private readonly StoreStatement _rollMinutes;
    private readonly StoreStatement _rollQuarters;
    private bool _disposed;

    private TelemetryStore(StoreConnection connection, TelemetryStoreOptions options, TimeProvider time)
    {
        _connection = connection;
        Options = options;
        _time = time;
        _insertSeries = connection.Prepare(StoreSql.InsertSeries);
        _upsertRaw = connection.Prepare(StoreSql.UpsertRaw);
        _upsertText = connection.Prepare(StoreSql.UpsertText);
        _rollMinutes = connection.Prepare(StoreSql.RollMinutes);
        _rollQuarters = connection.Prepare(StoreSql.RollQuarters);
        using var all = connection.Prepare(StoreSql.AllSeries);
        while (all.Step())
        {
            Remember(all.GetInt64(0), new SeriesKey(all.GetText(1), all.GetText(2), all.GetText(3)));
        }
    }

    /// <summary>The retention in force.</summary>
    public TelemetryStoreOptions Options { get; }

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/>.</summary>
    public static TelemetryStore Open(string dataDirectory, TelemetryStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        return OpenFile(Path.Combine(dataDirectory, TelemetryStoreOptions.FileName), options, time);
    }

    /// <summary>Opens (creating if needed) the store file at <paramref name="path"/>.</summary>
    public static TelemetryStore OpenFile(string path, TelemetryStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = StoreConnection.Open(path);
        try
        {
            connection.Execute(StoreSql.Schema);
            return new TelemetryStore(connection, options, time);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every series of <paramref name="table"/> recorded so far, in the order first seen.</summary>
    public IReadOnlyList<SeriesKey> Series(string table)
    {
        lock (_gate)
        {
            return [.. _seriesKeys.OrderBy(s => s.Key).Select(s => s.Value).Where(s => s.Table == table)];
        }
    }

    private long SeriesId(string table, string symbols, string field)
    {
        if (_seriesIds.TryGetValue((table, symbols, field), out var id))
        {
            return id;
        }

        _insertSeries.Bind(1, table).Bind(2, symbols).Bind(3, field).Run();
        id = _connection.LastInsertRowId;
        Remember(id, new SeriesKey(table, symbols, field));
        return id;
    }

    private void Remember(long id, SeriesKey key)
    {
        _seriesIds[(key.Table, key.Symbols, key.Field)] = id;
        _seriesKeys[id] = key;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _insertSeries.Dispose();
            _upsertRaw.Dispose();
            _upsertText.Dispose();
            _rollMinutes.Dispose();
            _rollQuarters.Dispose();
            _connection.Dispose();
        }
    }
}
