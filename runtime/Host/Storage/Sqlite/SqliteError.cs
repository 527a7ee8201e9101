namespace ProofOfHeat.Host.Storage.Sqlite;

/// <summary>A failed SQLite call, with SQLite's (extended) result code; the store turns it into advice.</summary>
internal sealed class SqliteError : Exception
{
    /// <summary>Creates the error from SQLite's result code and message.</summary>
    public SqliteError(int code, string message)
        : base($"SQLite error {code}: {message}") => Code = code;

    /// <summary>Creates an error without a code (required by the analyzers for exception types).</summary>
    public SqliteError() => Code = 1;

    /// <summary>Creates an error without a code.</summary>
    public SqliteError(string message)
        : base(message) => Code = 1;

    /// <summary>Creates an error without a code, wrapping <paramref name="innerException"/>.</summary>
    public SqliteError(string message, Exception innerException)
        : base(message, innerException) => Code = 1;

    /// <summary>The extended result code, such as 5 (SQLITE_BUSY) or 261 (SQLITE_BUSY_RECOVERY).</summary>
    public int Code { get; }

    /// <summary>The primary result code (the low byte of <see cref="Code"/>).</summary>
    public int PrimaryCode => Code & 0xFF;
}
