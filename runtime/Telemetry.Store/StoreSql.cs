namespace ProofOfHeat.Telemetry.Store;

/// <summary>
/// The store's schema and statements. Times are whole Unix seconds (the store keeps up to one point per second per
/// series: a second point in the same second replaces the first, which also makes a retried batch land once). Rows
/// are keyed by (series, time) in WITHOUT ROWID tables, so a series' range is one B-tree walk and no second index is
/// kept. Rollups hold mean, least, greatest and last value and the count of points, per series and bucket.
/// </summary>
internal static class StoreSql
{
    /// <summary>The schema; safe to run on every open.</summary>
    public const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS series (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            symbols TEXT NOT NULL,
            field TEXT NOT NULL,
            UNIQUE (tbl, symbols, field));
        CREATE TABLE IF NOT EXISTS raw (
            series INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL,
            PRIMARY KEY (series, ts)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS text_event (
            series INTEGER NOT NULL, ts INTEGER NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (series, ts)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollup_1m (
            series INTEGER NOT NULL, bucket INTEGER NOT NULL,
            mean REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL, last REAL NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (series, bucket)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollup_15m (
            series INTEGER NOT NULL, bucket INTEGER NOT NULL,
            mean REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL, last REAL NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (series, bucket)) WITHOUT ROWID;
        """;

    /// <summary>Every series, loaded once at open.</summary>
    public const string AllSeries = "SELECT id, tbl, symbols, field FROM series";

    /// <summary>A new series.</summary>
    public const string InsertSeries = "INSERT INTO series (tbl, symbols, field) VALUES (?1, ?2, ?3)";

    /// <summary>A numeric point; the later one wins within a second.</summary>
    public const string UpsertRaw = "INSERT INTO raw (series, ts, value) VALUES (?1, ?2, ?3) ON CONFLICT (series, ts) DO UPDATE SET value = excluded.value";

    /// <summary>A text point; the later one wins within a second.</summary>
    public const string UpsertText = "INSERT INTO text_event (series, ts, value) VALUES (?1, ?2, ?3) ON CONFLICT (series, ts) DO UPDATE SET value = excluded.value";

    /// <summary>Recomputes the one-minute buckets of series ?1 in [?2, ?3) from the raw points.</summary>
    public const string RollMinutes = """
        INSERT OR REPLACE INTO rollup_1m (series, bucket, mean, low, high, last, n)
        SELECT series, b, avg(value), min(value), max(value), max(CASE WHEN rn = 1 THEN value END), count(*)
        FROM (SELECT series, ts - ts % 60 AS b, value, row_number() OVER (PARTITION BY ts - ts % 60 ORDER BY ts DESC) AS rn
              FROM raw WHERE series = ?1 AND ts >= ?2 AND ts < ?3)
        GROUP BY series, b
        """;

    /// <summary>Recomputes the fifteen-minute buckets of series ?1 in [?2, ?3) from the one-minute buckets.</summary>
    public const string RollQuarters = """
        INSERT OR REPLACE INTO rollup_15m (series, bucket, mean, low, high, last, n)
        SELECT series, b, sum(mean * n) / sum(n), min(low), max(high), max(CASE WHEN rn = 1 THEN last END), sum(n)
        FROM (SELECT series, bucket - bucket % 900 AS b, mean, low, high, last, n,
                     row_number() OVER (PARTITION BY bucket - bucket % 900 ORDER BY bucket DESC) AS rn
              FROM rollup_1m WHERE series = ?1 AND bucket >= ?2 AND bucket < ?3)
        GROUP BY series, b
        """;

    /// <summary>Raw points of series ?1 in [?2, ?3).</summary>
    public const string QueryRaw = "SELECT ts, value FROM raw WHERE series = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts";

    /// <summary>One-minute buckets of series ?1 in [?2, ?3).</summary>
    public const string QueryMinutes = "SELECT bucket, mean, low, high, last, n FROM rollup_1m WHERE series = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket";

    /// <summary>Fifteen-minute buckets of series ?1 in [?2, ?3).</summary>
    public const string QueryQuarters = "SELECT bucket, mean, low, high, last, n FROM rollup_15m WHERE series = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket";

    /// <summary>Text events of series ?1 in [?2, ?3).</summary>
    public const string QueryText = "SELECT ts, value FROM text_event WHERE series = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts";

    /// <summary>The retention deletes, per series ?1, before ?2.</summary>
    public static readonly string[] Prunes =
    [
        "DELETE FROM raw WHERE series = ?1 AND ts < ?2",
        "DELETE FROM text_event WHERE series = ?1 AND ts < ?2",
        "DELETE FROM rollup_1m WHERE series = ?1 AND bucket < ?2",
        "DELETE FROM rollup_15m WHERE series = ?1 AND bucket < ?2",
    ];
}
