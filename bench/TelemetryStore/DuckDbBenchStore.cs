using DuckDB.NET.Data;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>
/// The store's schema and rollups in DuckDB (DuckDB.NET.Data.Full 1.5.6.1, its bundled native library), written
/// the way DuckDB is fast: raw points through its Appender, rollups recomputed per batch with one
/// INSERT OR REPLACE … SELECT … GROUP BY over the batch's time range (arg_max gives the last value). Unlike the SQLite
/// store, raw points have no primary key (the Appender cannot upsert), so a retried batch would be stored twice.
/// </summary>
internal sealed class DuckDbBenchStore : IBenchStore
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<(string, string, string), long> _series = [];

    public DuckDbBenchStore(string directory)
    {
        _connection = new DuckDBConnection($"Data Source={Path.Combine(directory, "telemetry.duckdb")}");
        _connection.Open();
        Execute("""
            CREATE TABLE IF NOT EXISTS series (id BIGINT PRIMARY KEY, tbl VARCHAR, symbols VARCHAR, field VARCHAR);
            CREATE TABLE IF NOT EXISTS raw (series BIGINT, ts BIGINT, value DOUBLE);
            CREATE TABLE IF NOT EXISTS rollup_1m (series BIGINT, bucket BIGINT, mean DOUBLE, low DOUBLE, high DOUBLE, last DOUBLE, n BIGINT, PRIMARY KEY (series, bucket));
            CREATE TABLE IF NOT EXISTS rollup_15m (series BIGINT, bucket BIGINT, mean DOUBLE, low DOUBLE, high DOUBLE, last DOUBLE, n BIGINT, PRIMARY KEY (series, bucket));
            """);
    }

    public ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken)
    {
        long from = long.MaxValue, to = long.MinValue;
        var ids = new long[batch.Sum(p => p.Fields.Count)];
        var k = 0;
        foreach (var point in batch)
        {
            // New series first: the Appender must be the only statement running while it is open.
            var symbols = SymbolSet.Encode(point.Symbols);
            foreach (var field in point.Fields)
            {
                ids[k++] = SeriesId(point.Table, symbols, field.Name);
            }
        }

        k = 0;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var appender = _connection.CreateAppender("raw"))
            {
                foreach (var point in batch)
                {
                    var ts = point.Timestamp.ToUnixTimeSeconds();
                    from = Math.Min(from, ts);
                    to = Math.Max(to, ts);
                    foreach (var field in point.Fields)
                    {
                        var value = field.Kind == TelemetryFieldKind.Real ? field.DoubleValue : field.LongValue;
                        appender.CreateRow().AppendValue(ids[k++]).AppendValue(ts).AppendValue(value).EndRow();
                    }
                }
            }

            var (m0, m1) = (from - (from % 60), to - (to % 60) + 60);
            var (q0, q1) = (from - (from % 900), to - (to % 900) + 900);
            Execute($"""
                INSERT OR REPLACE INTO rollup_1m
                SELECT series, ts - ts % 60 AS b, avg(value), min(value), max(value), arg_max(value, ts), count(*)
                FROM raw WHERE ts >= {m0} AND ts < {m1} GROUP BY series, b;
                INSERT OR REPLACE INTO rollup_15m
                SELECT series, bucket - bucket % 900 AS b, sum(mean * n) / sum(n), min(low), max(high), arg_max(last, bucket), sum(n)
                FROM rollup_1m WHERE bucket >= {q0} AND bucket < {q1} GROUP BY series, b;
                """);
            transaction.Commit();
        }

        return ValueTask.CompletedTask;
    }

    public int QueryQuarters(string table, string symbols, string field, DateTimeOffset from, DateTimeOffset to)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT bucket, mean, low, high, last, n FROM rollup_15m WHERE series = $series AND bucket >= $from AND bucket < $to ORDER BY bucket";
        command.Parameters.Add(new DuckDBParameter("series", _series[(table, symbols, field)]));
        command.Parameters.Add(new DuckDBParameter("from", from.ToUnixTimeSeconds()));
        command.Parameters.Add(new DuckDBParameter("to", to.ToUnixTimeSeconds()));
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            _ = reader.GetDouble(1);
            count++;
        }

        return count;
    }

    public void Checkpoint() => Execute("CHECKPOINT");

    public void Dispose() => _connection.Dispose();

    private long SeriesId(string table, string symbols, string field)
    {
        if (_series.TryGetValue((table, symbols, field), out var id))
        {
            return id;
        }

        id = _series.Count + 1;
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO series VALUES ($id, $tbl, $symbols, $field)";
        command.Parameters.Add(new DuckDBParameter("id", id));
        command.Parameters.Add(new DuckDBParameter("tbl", table));
        command.Parameters.Add(new DuckDBParameter("symbols", symbols));
        command.Parameters.Add(new DuckDBParameter("field", field));
        command.ExecuteNonQuery();
        _series[(table, symbols, field)] = id;
        return id;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
