using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Store;

/// <summary>Writing: one transaction per batch, then the touched rollup buckets recomputed inside it.</summary>
public sealed partial class TelemetryStore
{
    private const long Minute = 60;
    private const long Quarter = 900;

    /// <summary>Points older than the raw retention that were refused (their rollups could no longer be recomputed).</summary>
    public long PointsTooOld { get; private set; }

    /// <summary>
    /// Stores <paramref name="batch"/> durably (one transaction) and brings its rollups up to date. Numbers, integers
    /// and booleans (as 1/0) become raw points; text becomes text events. Non-finite numbers are skipped. The shape
    /// the telemetry pipeline's sinks take (ITelemetrySink); synchronous underneath, SQLite has no async I/O.
    /// </summary>
    public ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Write(batch);
        }

        return ValueTask.CompletedTask;
    }

    private void Write(IReadOnlyList<TelemetryPoint> batch)
    {
        var oldest = (_time.GetUtcNow() - Options.RawRetention).ToUnixTimeSeconds();
        var touched = new Dictionary<long, (long From, long To)>();
        _connection.Execute("BEGIN IMMEDIATE");
        try
        {
            foreach (var point in batch)
            {
                var ts = point.Timestamp.ToUnixTimeSeconds();
                if (ts < oldest)
                {
                    PointsTooOld++;
                    continue;
                }

                var symbols = SymbolSet.Encode(point.Symbols);
                foreach (var field in point.Fields)
                {
                    WriteField(point.Table, symbols, field, ts, touched);
                }
            }

            foreach (var (series, (from, to)) in touched)
            {
                var firstMinute = from - (from % Minute);
                _rollMinutes.Bind(1, series).Bind(2, firstMinute).Bind(3, to - (to % Minute) + Minute).Run();
                _rollQuarters.Bind(1, series).Bind(2, from - (from % Quarter)).Bind(3, to - (to % Quarter) + Quarter).Run();
            }

            _connection.Execute("COMMIT");
        }
        catch
        {
            _connection.Execute("ROLLBACK");
            throw;
        }
    }

    private void WriteField(string table, string symbols, TelemetryField field, long ts, Dictionary<long, (long From, long To)> touched)
    {
        var series = SeriesId(table, symbols, field.Name);
        if (field.Kind == TelemetryFieldKind.Text)
        {
            _upsertText.Bind(1, series).Bind(2, ts).Bind(3, field.TextValue ?? string.Empty).Run();
            return;
        }

        var value = field.Kind == TelemetryFieldKind.Real ? field.DoubleValue : field.LongValue;
        if (!double.IsFinite(value))
        {
            return;
        }

        _upsertRaw.Bind(1, series).Bind(2, ts).Bind(3, value).Run();
        touched[series] = touched.TryGetValue(series, out var range)
            ? (Math.Min(range.From, ts), Math.Max(range.To, ts))
            : (ts, ts);
    }
}
