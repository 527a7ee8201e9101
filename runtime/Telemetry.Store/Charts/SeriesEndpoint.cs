using System.Globalization;

namespace ProofOfHeat.Telemetry.Store.Charts;

/// <summary>
/// <c>GET /api/telemetry/series</c> for the page's charts, apart from any HTTP server: <c>table</c> alone lists that
/// table's series; with <c>field</c> (and <c>symbols</c>, the canonical <c>key=value,…</c> text, empty for none) it
/// answers the buckets between <c>from</c> and <c>to</c> (ISO 8601; default the last 24 hours) at
/// <c>resolution</c> (<c>auto</c>, <c>raw</c>, <c>1m</c>, <c>15m</c>) as rows <c>[unix seconds, mean, min, max, last,
/// count]</c>, the shape a uPlot chart takes column by column.
/// </summary>
public static class SeriesEndpoint
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    /// <summary>The answer to <paramref name="query"/>: a status code and a JSON-serialisable body.</summary>
    public static (int Status, object Body) Handle(TelemetryStore store, Func<string, string?> query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        if (query("table") is not { Length: > 0 } table)
        {
            return Error("give table (and field for its points)");
        }

        if (query("field") is not { Length: > 0 } field)
        {
            return (200, new { table, series = store.Series(table).Select(s => new { symbols = s.Symbols, field = s.Field }).ToList() });
        }

        if (!TryTime(query("to"), now, out var to) || !TryTime(query("from"), to - DefaultRange, out var from))
        {
            return Error("from and to are ISO 8601 times such as 2026-12-01T00:00:00Z");
        }

        if (from >= to)
        {
            return Error("from must be before to");
        }

        SeriesResolution? resolution = (query("resolution") ?? "auto") switch
        {
            "auto" => store.ChooseResolution(from, to),
            "raw" => SeriesResolution.Raw,
            "1m" => SeriesResolution.Minute,
            "15m" => SeriesResolution.FifteenMinutes,
            _ => null,
        };
        if (resolution is not { } chosen)
        {
            return Error("resolution is auto, raw, 1m or 15m");
        }

        var key = new SeriesKey(table, query("symbols") ?? string.Empty, field);
        var points = store.Query(key, from, to, chosen)
            .Select(b => new object[] { b.Start.ToUnixTimeSeconds(), b.Average, b.Min, b.Max, b.Last, b.Count })
            .ToList();
        return (200, new { table, symbols = key.Symbols, field, resolution = Name(chosen), points });
    }

    private static string Name(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Raw => "raw",
        SeriesResolution.Minute => "1m",
        _ => "15m",
    };

    private static bool TryTime(string? text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        if (string.IsNullOrEmpty(text))
        {
            time = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static (int Status, object Body) Error(string message) => (400, new { error = message });
}
