using SQLitePCL;

namespace ProofOfHeat.Telemetry.Store.Sqlite;

/// <summary>A compiled, reusable statement: bind by position (1-based), step, read columns, reset.</summary>
internal sealed class StoreStatement : IDisposable
{
    private readonly StoreConnection _connection;
    private readonly sqlite3_stmt _handle;

    internal StoreStatement(StoreConnection connection, sqlite3_stmt handle)
    {
        _connection = connection;
        _handle = handle;
    }

    /// <summary>Binds an integer to parameter <paramref name="index"/>.</summary>
    public StoreStatement Bind(int index, long value)
    {
        _connection.Check(raw.sqlite3_bind_int64(_handle, index, value));
        return this;
    }

    /// <summary>Binds a real number to parameter <paramref name="index"/>.</summary>
    public StoreStatement Bind(int index, double value)
    {
        _connection.Check(raw.sqlite3_bind_double(_handle, index, value));
        return this;
    }

    /// <summary>Binds text to parameter <paramref name="index"/>.</summary>
    public StoreStatement Bind(int index, string value)
    {
        _connection.Check(raw.sqlite3_bind_text(_handle, index, value));
        return this;
    }

    /// <summary>Advances to the next row; false when done.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_handle);
        return result switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw new TelemetryStoreException(_connection.Message()),
        };
    }

    /// <summary>Runs the statement to its end, then resets it for the next use.</summary>
    public void Run()
    {
        while (Step())
        {
            // Rows of a statement run for its effect are not needed.
        }

        Reset();
    }

    /// <summary>Makes the statement ready to bind and run again.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_handle);
        raw.sqlite3_clear_bindings(_handle);
    }

    /// <summary>Whether column <paramref name="index"/> (0-based) is NULL.</summary>
    public bool IsNull(int index) => raw.sqlite3_column_type(_handle, index) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="index"/> as an integer.</summary>
    public long GetInt64(int index) => raw.sqlite3_column_int64(_handle, index);

    /// <summary>Column <paramref name="index"/> as a real number.</summary>
    public double GetDouble(int index) => raw.sqlite3_column_double(_handle, index);

    /// <summary>Column <paramref name="index"/> as text.</summary>
    public string GetText(int index) => raw.sqlite3_column_text(_handle, index).utf8_to_string() ?? string.Empty;

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
