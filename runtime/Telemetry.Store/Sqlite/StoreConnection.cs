using SQLitePCL;

namespace ProofOfHeat.Telemetry.Store.Sqlite;

/// <summary>
/// One SQLite connection over SQLitePCLRaw's C API, as the run-time store (runtime/Host/Storage/Sqlite) does it: the
/// telemetry store needs a dozen prepared statements, and ADO.NET would add several MB of resident memory for nothing.
/// Not thread-safe: <see cref="TelemetryStore"/> serialises every call.
/// </summary>
internal sealed class StoreConnection : IDisposable
{
    private static readonly Lazy<bool> Initialised = new(() =>
    {
        Batteries_V2.Init();
        return true;
    });

    private readonly sqlite3 _handle;

    private StoreConnection(sqlite3 handle) => _handle = handle;

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/>.</summary>
    public static StoreConnection Open(string path)
    {
        _ = Initialised.Value;
        var result = raw.sqlite3_open_v2(path, out var handle, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX, null);
        if (result != raw.SQLITE_OK)
        {
            var message = handle is null ? raw.sqlite3_errstr(result).utf8_to_string() : raw.sqlite3_errmsg(handle).utf8_to_string();
            handle?.Dispose();
            throw new TelemetryStoreException($"cannot open the telemetry store {path}: {message}");
        }

        return new StoreConnection(handle);
    }

    /// <summary>Runs one or more statements that return nothing.</summary>
    public void Execute(string sql)
    {
        var result = raw.sqlite3_exec(_handle, sql, null, null, out var error);
        if (result != raw.SQLITE_OK)
        {
            throw new TelemetryStoreException(error ?? Message());
        }
    }

    /// <summary>Compiles one statement; the caller disposes it.</summary>
    public StoreStatement Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return new StoreStatement(this, statement);
    }

    /// <summary>Rows changed by the last INSERT, UPDATE or DELETE.</summary>
    public int Changes => raw.sqlite3_changes(_handle);

    /// <summary>The rowid of the last insert.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_handle);

    /// <summary>Throws unless <paramref name="result"/> is OK.</summary>
    internal void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new TelemetryStoreException(Message());
        }
    }

    /// <summary>The connection's last error message.</summary>
    internal string Message() => raw.sqlite3_errmsg(_handle).utf8_to_string() ?? "unknown error";

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
