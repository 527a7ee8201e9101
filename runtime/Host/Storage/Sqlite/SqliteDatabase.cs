using SQLitePCL;

namespace ProofOfHeat.Host.Storage.Sqlite;

/// <summary>
/// One SQLite connection over SQLitePCLRaw's C API. The store needs a handful of statements, and
/// ADO.NET (Microsoft.Data.Sqlite with System.Data.Common) would cost the demo about 4 MB of
/// resident memory for abstractions it does not use. Not thread-safe: the owner serialises calls.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private static readonly Lazy<bool> Initialised = new(() =>
    {
        Batteries_V2.Init();
        return true;
    });

    private readonly sqlite3 _handle;

    private SqliteDatabase(sqlite3 handle) => _handle = handle;

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/> for reading and writing.</summary>
    public static SqliteDatabase Open(string path)
    {
        _ = Initialised.Value;
        var result = raw.sqlite3_open_v2(path, out var handle, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_FULLMUTEX, null);
        if (result != raw.SQLITE_OK)
        {
            var message = handle is null ? raw.sqlite3_errstr(result).utf8_to_string() : raw.sqlite3_errmsg(handle).utf8_to_string();
            handle?.Dispose();
            throw new SqliteError(result, message);
        }

        raw.sqlite3_extended_result_codes(handle, 1);
        return new SqliteDatabase(handle);
    }

    /// <summary>Rows changed by the last INSERT, UPDATE or DELETE.</summary>
    public int Changes => raw.sqlite3_changes(_handle);

    /// <summary>Runs one or more statements that return nothing the caller needs.</summary>
    public void Execute(string sql)
    {
        var result = raw.sqlite3_exec(_handle, sql, null, null, out var error);
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteError(result, error ?? Message());
        }
    }

    /// <summary>Compiles one statement; dispose it after use.</summary>
    public SqliteStatement Prepare(string sql)
    {
        var result = raw.sqlite3_prepare_v2(_handle, sql, out var statement);
        Check(result);
        return new SqliteStatement(this, statement);
    }

    /// <summary>Runs one statement with <paramref name="parameters"/> and returns the first column of the first row, or null.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var statement = Prepare(sql).BindAll(parameters);
        return statement.Step() ? statement.GetValue(0) : null;
    }

    /// <summary>Runs one statement with <paramref name="parameters"/>; returns the rows it changed.</summary>
    public int Run(string sql, params (string Name, object? Value)[] parameters)
    {
        using var statement = Prepare(sql).BindAll(parameters);
        while (statement.Step())
        {
            // A statement run for its effect may still yield rows (PRAGMA); they are not needed.
        }

        return Changes;
    }

    /// <summary>Throws <see cref="SqliteError"/> with the connection's message unless <paramref name="result"/> is OK.</summary>
    internal void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteError(result, Message());
        }
    }

    /// <summary>The connection's last error message.</summary>
    internal string Message() => raw.sqlite3_errmsg(_handle).utf8_to_string() ?? "unknown error";

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
