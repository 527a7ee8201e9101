using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Host.Storage.Sqlite;

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
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RuntimeStore(SqliteDatabase database, string path, int schemaVersion, TimeProvider time)
    {
        _database = database;
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
    public static Task<RuntimeStore> OpenAsync(
        string path, TimeProvider time, IReadOnlyList<Migration> migrations, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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

        SqliteDatabase? database = null;
        try
        {
            database = SqliteDatabase.Open(path);
            Prepare(database, path, lockTimeout);
            var version = SchemaMigrator.Migrate(database, path, migrations, time);
            return Task.FromResult(new RuntimeStore(database, path, version, time));
        }
        catch (SqliteError ex)
        {
            database?.Dispose();
            throw Translate(ex, path);
        }
        catch
        {
            database?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _database.Dispose();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private static void Prepare(SqliteDatabase database, string path, TimeSpan lockTimeout)
    {
        var busyMilliseconds = ((int)lockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        database.Run($"PRAGMA busy_timeout = {busyMilliseconds}");
        database.Run("PRAGMA locking_mode = EXCLUSIVE");
        database.Run("PRAGMA journal_mode = WAL");
        database.Run("PRAGMA synchronous = FULL");

        // Take the exclusive lock now, so a second brain fails at start rather than at its first write.
        database.Execute("BEGIN EXCLUSIVE; COMMIT;");
        var check = Convert.ToString(database.Scalar("PRAGMA quick_check"), CultureInfo.InvariantCulture);
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
        {
            throw new StoreException($"The store {path} is corrupt ({check}). Restore a backup, or move the file away to start with an empty store.");
        }
    }

    private static StoreException Translate(SqliteError ex, string path) => ex.PrimaryCode switch
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

    /// <summary>
    /// Runs <paramref name="action"/> on the connection, one caller at a time. SQLite's calls are
    /// synchronous and short (a write waits for one fsync), so they run on the caller's thread.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<SqliteDatabase, T> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return action(_database);
        }
        catch (SqliteError ex)
        {
            throw Translate(ex, Path);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web);
}
