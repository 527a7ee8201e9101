using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The embedded SQLite store of run-time state (<c>&lt;data dir&gt;/poh.db</c>): app switches,
/// profiles, overrides and a generic namespaced key-value table. It uses WAL with
/// <c>synchronous=FULL</c>, so a write that returned survives a SIGKILL or power cut, and it holds
/// the file exclusively, so two brains can never steer one home from one data directory.
/// </summary>
internal sealed partial class RuntimeStore : IAsyncDisposable
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "poh.db";

    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(5);
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RuntimeStore(SqliteConnection connection, string path, int schemaVersion, TimeProvider time)
    {
        _connection = connection;
        Path = path;
        SchemaVersion = schemaVersion;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion { get; }

    /// <summary>Opens (creating if needed) and migrates the store at <paramref name="path"/>.</summary>
    public static Task<RuntimeStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(path, time, Migrations.All, DefaultLockTimeout, cancellationToken);

    /// <summary>Opens with explicit migrations and lock timeout (tests).</summary>
    public static async Task<RuntimeStore> OpenAsync(
        string path, TimeProvider time, IReadOnlyList<Migration> migrations, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        path = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"Cannot create the data directory for the store {path}: {ex.Message}", ex);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(lockTimeout.TotalSeconds)),
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await PrepareAsync(connection, path, lockTimeout, cancellationToken);
            var version = await SchemaMigrator.MigrateAsync(connection, path, migrations, time, cancellationToken);
            return new RuntimeStore(connection, path, version, time);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync();
            if (ex is SqliteException sqlite)
            {
                throw Translate(sqlite, path);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private static async Task PrepareAsync(SqliteConnection connection, string path, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var busyMilliseconds = ((int)lockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await ExecuteScalarAsync(connection, $"PRAGMA busy_timeout = {busyMilliseconds}", cancellationToken);
        await ExecuteScalarAsync(connection, "PRAGMA locking_mode = EXCLUSIVE", cancellationToken);
        await ExecuteScalarAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken);
        await ExecuteScalarAsync(connection, "PRAGMA synchronous = FULL", cancellationToken);

        // Take the exclusive lock now, so a second brain fails at start rather than at its first write.
        await ExecuteScalarAsync(connection, "BEGIN EXCLUSIVE; COMMIT;", cancellationToken);
        var check = Convert.ToString(await ExecuteScalarAsync(connection, "PRAGMA quick_check", cancellationToken), CultureInfo.InvariantCulture);
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
        {
            throw new StoreException($"The store {path} is corrupt ({check}). Restore a backup, or move the file away to start with an empty store.");
        }
    }

    private static async Task<object?> ExecuteScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static StoreException Translate(SqliteException ex, string path) => ex.SqliteErrorCode switch
    {
        5 or 6 => new StoreException(
            $"The store {path} is locked by another process (is another poh running on the same data directory?). Stop it, or use another --data directory.", ex),
        11 or 26 => new StoreException(
            $"The store {path} is corrupt or not a poh database ({ex.Message}). Restore a backup, or move the file away to start with an empty store.", ex),
        14 => new StoreException($"Cannot open the store {path} ({ex.Message}). Check that the directory exists and is writable.", ex),
        8 => new StoreException($"The store {path} is read-only ({ex.Message}). Make the file and its directory writable.", ex),
        13 => new StoreException($"The disk holding the store {path} is full.", ex),
        _ => new StoreException($"The store {path} failed: {ex.Message}", ex),
    };

    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await action(_connection);
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, Path);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web);
}
