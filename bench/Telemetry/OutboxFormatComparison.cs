using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Telemetry.Ilp;
using ProofOfHeat.Telemetry.Outbox;
using SQLitePCL;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>
/// The outbox's on-disk format, measured: the product's segment files against an SQLite table of the same encoded
/// lines (WAL, synchronous=FULL, one transaction per commit), both flushed to the disk once per commit of
/// <c>pointsPerCommit</c> points, then everything read back in batches of 5,000, parsed and acknowledged (cursor file and segment delete against
/// <c>DELETE</c>, each batch synced).
/// </summary>
internal static class OutboxFormatComparison
{
    public sealed record Result(string Format, double PointsPerSecond, double BytesPerPoint, double AcknowledgeMs);

    public static IReadOnlyList<Result> Run(int commits, int pointsPerCommit)
    {
        var lines = Enumerable.Range(0, commits * pointsPerCommit).Select(i =>
        {
            var writer = new IlpWriter(256);
            writer.Write(BenchPoints.Miner(i));
            return writer.WrittenSpan.ToArray();
        }).ToArray();
        return [Segments(lines, pointsPerCommit), Sqlite(lines, pointsPerCommit)];
    }

    private static Result Segments(byte[][] lines, int pointsPerCommit)
    {
        var directory = Directory.CreateTempSubdirectory("poh-bench-seg-").FullName;
        try
        {
            using var outbox = new TelemetryOutbox(new OutboxOptions { Directory = directory }, NullLogger.Instance);
            outbox.Register("sink");
            var batch = new IlpWriter();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < lines.Length; i += pointsPerCommit)
            {
                batch.Clear();
                for (var j = i; j < i + pointsPerCommit; j++)
                {
                    batch.WriteRaw(lines[j]);
                }

                outbox.Append(batch.WrittenSpan, pointsPerCommit);
            }

            var elapsed = clock.Elapsed;
            var bytes = outbox.SizeBytes;
            clock.Restart();
            while (outbox.Read("sink", 5000) is { IsEmpty: false } read)
            {
                outbox.Acknowledge("sink", read.End);
            }

            return new Result("segment files (ours)", lines.Length / elapsed.TotalSeconds, (double)bytes / lines.Length, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Result Sqlite(byte[][] lines, int pointsPerCommit)
    {
        Batteries_V2.Init();
        var directory = Directory.CreateTempSubdirectory("poh-bench-sqlite-").FullName;
        var path = Path.Combine(directory, "outbox.db");
        try
        {
            Check(raw.sqlite3_open(path, out var db), db);
            using (db)
            {
                Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE outbox(id INTEGER PRIMARY KEY, line BLOB NOT NULL);");
                Check(raw.sqlite3_prepare_v2(db, "INSERT INTO outbox(line) VALUES (?)", out var insert), db);
                var clock = Stopwatch.StartNew();
                using (insert)
                {
                    for (var i = 0; i < lines.Length; i += pointsPerCommit)
                    {
                        Exec(db, "BEGIN");
                        for (var j = i; j < i + pointsPerCommit; j++)
                        {
                            raw.sqlite3_bind_blob(insert, 1, lines[j]);
                            raw.sqlite3_step(insert);
                            raw.sqlite3_reset(insert);
                        }

                        Exec(db, "COMMIT");
                    }
                }

                var elapsed = clock.Elapsed;
                Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
                var bytes = new FileInfo(path).Length;
                clock.Restart();
                ReadAndAcknowledge(db);
                return new Result("SQLite table of lines", lines.Length / elapsed.TotalSeconds, (double)bytes / lines.Length, clock.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>What the segment side does too: read batches of 5,000 lines, parse them into points, acknowledge (delete).</summary>
    private static void ReadAndAcknowledge(sqlite3 db)
    {
        Check(raw.sqlite3_prepare_v2(db, "SELECT id, line FROM outbox WHERE id > ? ORDER BY id LIMIT 5000", out var select), db);
        Check(raw.sqlite3_prepare_v2(db, "DELETE FROM outbox WHERE id <= ?", out var delete), db);
        using (select)
        using (delete)
        {
            long last = 0;
            while (true)
            {
                raw.sqlite3_bind_int64(select, 1, last);
                var rows = 0;
                while (raw.sqlite3_step(select) == raw.SQLITE_ROW)
                {
                    last = raw.sqlite3_column_int64(select, 0);
                    var line = raw.sqlite3_column_blob(select, 1);
                    IlpLineReader.Read(line[..^1]);
                    rows++;
                }

                raw.sqlite3_reset(select);
                if (rows == 0)
                {
                    return;
                }

                raw.sqlite3_bind_int64(delete, 1, last);
                raw.sqlite3_step(delete);
                raw.sqlite3_reset(delete);
            }
        }
    }

    private static void Exec(sqlite3 db, string sql) => Check(raw.sqlite3_exec(db, sql), db);

    private static void Check(int code, sqlite3 db)
    {
        if (code != raw.SQLITE_OK && code != raw.SQLITE_DONE)
        {
            throw new InvalidOperationException($"sqlite {code}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }
}
