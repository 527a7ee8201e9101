namespace ProofOfHeat.Telemetry.Store;

/// <summary>Reading: a series over a time range at a resolution, text events, and the resolution a chart should use.</summary>
public sealed partial class TelemetryStore
{
    /// <summary>
    /// The tier a chart of [<paramref name="from"/>, <paramref name="to"/>) reads: raw up to 2 hours (≤ 7,200 points),
    /// one-minute buckets up to 2 days (≤ 2,880), fifteen-minute buckets beyond (a 7-day chart: 672) — and never a tier
    /// whose retention no longer covers <paramref name="from"/>.
    /// </summary>
    public SeriesResolution ChooseResolution(DateTimeOffset from, DateTimeOffset to)
    {
        var now = _time.GetUtcNow();
        var span = to - from;
        if (span <= TimeSpan.FromHours(2) && from >= now - Options.RawRetention)
        {
            return SeriesResolution.Raw;
        }

        return span <= TimeSpan.FromDays(2) && from >= now - Options.MinuteRetention
            ? SeriesResolution.Minute
            : SeriesResolution.FifteenMinutes;
    }

    /// <summary>
    /// The buckets of <paramref name="series"/> in [<paramref name="from"/>, <paramref name="to"/>) at
    /// <paramref name="resolution"/> (a rollup bucket is included when it starts in the range, or holds
    /// <paramref name="from"/>); empty for an unknown series.
    /// </summary>
    public IReadOnlyList<SeriesBucket> Query(SeriesKey series, DateTimeOffset from, DateTimeOffset to, SeriesResolution resolution = SeriesResolution.Auto)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (resolution == SeriesResolution.Auto)
        {
            resolution = ChooseResolution(from, to);
        }

        var start = from.ToUnixTimeSeconds();
        var (sql, width) = resolution switch
        {
            SeriesResolution.Raw => (StoreSql.QueryRaw, 1L),
            SeriesResolution.Minute => (StoreSql.QueryMinutes, Minute),
            _ => (StoreSql.QueryQuarters, Quarter),
        };
        var buckets = new List<SeriesBucket>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_seriesIds.TryGetValue((series.Table, series.Symbols, series.Field), out var id))
            {
                return buckets;
            }

            using var statement = _connection.Prepare(sql);
            statement.Bind(1, id).Bind(2, start - (start % width)).Bind(3, to.ToUnixTimeSeconds());
            while (statement.Step())
            {
                var time = DateTimeOffset.FromUnixTimeSeconds(statement.GetInt64(0));
                buckets.Add(resolution == SeriesResolution.Raw
                    ? new SeriesBucket(time, statement.GetDouble(1), statement.GetDouble(1), statement.GetDouble(1), statement.GetDouble(1), 1)
                    : new SeriesBucket(time, statement.GetDouble(1), statement.GetDouble(2), statement.GetDouble(3), statement.GetDouble(4), statement.GetInt64(5)));
            }
        }

        return buckets;
    }

    /// <summary>The text events of field <paramref name="field"/> of every series of <paramref name="table"/> in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IReadOnlyList<TextEvent> Events(string table, string field, DateTimeOffset from, DateTimeOffset to)
    {
        var events = new List<TextEvent>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var statement = _connection.Prepare(StoreSql.QueryText);
            foreach (var (id, key) in _seriesKeys.Where(s => s.Value.Table == table && s.Value.Field == field))
            {
                statement.Bind(1, id).Bind(2, from.ToUnixTimeSeconds()).Bind(3, to.ToUnixTimeSeconds());
                while (statement.Step())
                {
                    events.Add(new TextEvent(DateTimeOffset.FromUnixTimeSeconds(statement.GetInt64(0)), key, statement.GetText(1)));
                }

                statement.Reset();
            }
        }

        events.Sort((a, b) => a.Time.CompareTo(b.Time));
        return events;
    }
}
