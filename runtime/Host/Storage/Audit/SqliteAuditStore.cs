using System.Globalization;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Host.Storage.Sqlite;

namespace ProofOfHeat.Host.Storage.Audit;

/// <summary>
/// The audit trail in its own SQLite file (<c>&lt;data dir&gt;/audit.db</c>), apart from the run-time store: the
/// store holds its file exclusively and answers the API, and the trail's batched writes and pruning must not queue
/// behind (or in front of) a profile being saved. WAL with <c>synchronous=FULL</c>: a batch that was written survives
/// a power cut. Thread-safe: one connection behind a lock (the writer appends, the API reads).
/// </summary>
internal sealed class SqliteAuditStore : IAuditStore, IDisposable
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "audit.db";

    private readonly SqliteDatabase _database;
    private readonly Lock _gate = new();

    private SqliteAuditStore(SqliteDatabase database, string path)
    {
        _database = database;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the trail at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file cannot be opened or is not an audit database.</exception>
    public static SqliteAuditStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        path = System.IO.Path.GetFullPath(path);
        SqliteDatabase? database = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            database = SqliteDatabase.Open(path);
            database.Run("PRAGMA busy_timeout = 5000");
            database.Run("PRAGMA journal_mode = WAL");
            database.Run("PRAGMA synchronous = FULL");
            database.Execute("""
                CREATE TABLE IF NOT EXISTS audit (
                    id INTEGER PRIMARY KEY,
                    at_ms INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    reason TEXT,
                    correlation_id TEXT NOT NULL,
                    result TEXT NOT NULL,
                    detail TEXT);
                CREATE INDEX IF NOT EXISTS audit_at ON audit (at_ms);
                """);
            return new SqliteAuditStore(database, path);
        }
        catch (Exception ex) when (ex is SqliteError or IOException or UnauthorizedAccessException)
        {
            database?.Dispose();
            throw new StoreException($"Cannot open the audit trail {path}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public void Append(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            _database.Execute("BEGIN IMMEDIATE");
            try
            {
                // One compiled INSERT for the whole batch, not one per entry (at 1,000 leak events a second the trail
                // takes thousands of entries a second: bench/Mqtt/README.md, issue 11).
                using var insert = _database.Prepare("""
                    INSERT INTO audit (at_ms, at, actor, action, target, reason, correlation_id, result, detail)
                    VALUES ($at_ms, $at, $actor, $action, $target, $reason, $correlation, $result, $detail)
                    """);
                foreach (var e in entries)
                {
                    insert.Reset()
                        .Bind("$at_ms", e.At.ToUnixTimeMilliseconds()).Bind("$at", e.At.ToString("O", CultureInfo.InvariantCulture))
                        .Bind("$actor", e.Actor).Bind("$action", e.Action).Bind("$target", e.Target).Bind("$reason", e.Reason)
                        .Bind("$correlation", e.CorrelationId).Bind("$result", e.Result).Bind("$detail", e.Detail)
                        .Run();
                }

                _database.Execute("COMMIT");
            }
            catch
            {
                _database.Execute("ROLLBACK");
                throw;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Read(DateTimeOffset since, int limit)
    {
        var entries = new List<AuditEntry>();
        lock (_gate)
        {
            using var select = _database.Prepare("""
                SELECT at, actor, action, target, reason, correlation_id, result, detail FROM audit
                WHERE at_ms >= $since ORDER BY at_ms DESC, id DESC LIMIT $limit
                """);
            select.Bind("$since", since.ToUnixTimeMilliseconds()).Bind("$limit", (long)limit);
            while (select.Step())
            {
                entries.Add(new AuditEntry(
                    DateTimeOffset.Parse(select.GetText(0)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    select.GetText(1)!, select.GetText(2)!, select.GetText(3)!, select.GetText(4), select.GetText(5)!, select.GetText(6)!, select.GetText(7)));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public int Prune(DateTimeOffset before, int keepRows)
    {
        lock (_gate)
        {
            var old = _database.Run("DELETE FROM audit WHERE at_ms < $before", ("$before", before.ToUnixTimeMilliseconds()));
            // The newest keepRows by id (ids grow with insertion); the rest go.
            var excess = _database.Run(
                "DELETE FROM audit WHERE id <= (SELECT id FROM audit ORDER BY id DESC LIMIT 1 OFFSET $keep)", ("$keep", (long)keepRows));
            return old + excess;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _database.Dispose();
        }
    }
}
