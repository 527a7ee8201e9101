using System.Globalization;
using SQLitePCL;

namespace ProofOfHeat.Host.Storage.Sqlite;

/// <summary>A compiled statement of a <see cref="SqliteDatabase"/>: bind by name, step, read columns.</summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly sqlite3_stmt _handle;

    internal SqliteStatement(SqliteDatabase database, sqlite3_stmt handle)
    {
        _database = database;
        _handle = handle;
    }

    /// <summary>Binds every <c>($name, value)</c> pair; see <see cref="Bind"/>.</summary>
    public SqliteStatement BindAll(IEnumerable<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, value) in parameters)
        {
            Bind(name, value);
        }

        return this;
    }

    /// <summary>Binds <paramref name="value"/> (null, string, bool, an integer type or double) to the parameter <paramref name="name"/>.</summary>
    public SqliteStatement Bind(string name, object? value)
    {
        var index = raw.sqlite3_bind_parameter_index(_handle, name);
        if (index == 0)
        {
            throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
        }

        var result = value switch
        {
            null => raw.sqlite3_bind_null(_handle, index),
            string text => raw.sqlite3_bind_text(_handle, index, text),
            bool flag => raw.sqlite3_bind_int64(_handle, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_handle, index, real),
            float real => raw.sqlite3_bind_double(_handle, index, real),
            int or long or short or byte => raw.sqlite3_bind_int64(_handle, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Cannot store a {value.GetType().Name} in SQLite.", nameof(value)),
        };
        _database.Check(result);
        return this;
    }

    /// <summary>Makes the statement ready to run again with new values (its compiled form is kept, its bindings cleared).</summary>
    public SqliteStatement Reset()
    {
        raw.sqlite3_reset(_handle);
        raw.sqlite3_clear_bindings(_handle);
        return this;
    }

    /// <summary>Steps the statement to its end (for statements run for their effect).</summary>
    public void Run()
    {
        while (Step())
        {
            // A statement run for its effect may still yield rows; they are not needed.
        }
    }

    /// <summary>Advances to the next row; false when the statement is done.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_handle);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result == raw.SQLITE_DONE)
        {
            return false;
        }

        throw new SqliteError(result, _database.Message());
    }

    /// <summary>Whether column <paramref name="index"/> of the current row is NULL.</summary>
    public bool IsNull(int index) => raw.sqlite3_column_type(_handle, index) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="index"/> as text (null for NULL).</summary>
    public string? GetText(int index) => IsNull(index) ? null : raw.sqlite3_column_text(_handle, index).utf8_to_string();

    /// <summary>Column <paramref name="index"/> as an integer.</summary>
    public long GetInt64(int index) => raw.sqlite3_column_int64(_handle, index);

    /// <summary>Column <paramref name="index"/> as a real number.</summary>
    public double GetDouble(int index) => raw.sqlite3_column_double(_handle, index);

    /// <summary>Column <paramref name="index"/> in its stored type: long, double, string or null.</summary>
    public object? GetValue(int index) => raw.sqlite3_column_type(_handle, index) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_INTEGER => GetInt64(index),
        raw.SQLITE_FLOAT => GetDouble(index),
        _ => GetText(index),
    };

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
