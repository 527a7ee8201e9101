using System.Diagnostics;
using System.Globalization;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>
/// One engine measured in its own process: resident memory before it is opened, the insert rate of one day at
/// 1 Hz (or two hours with --quick), its size on disk, six more days at one second a minute (so a 7-day chart has
/// rollups to read), the time of a 7-day chart (every series, and one), and resident memory after.
/// </summary>
internal static class EngineRun
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private const int BatchSeconds = 66; // 990 points: the pipeline's auto-flush is about 1,000 rows

    public static async Task<EngineResult> RunAsync(string engine, string directory, bool quick)
    {
        var denseSeconds = quick ? 2 * 3600 : 86400;
        var batch = new List<TelemetryPoint>(BatchSeconds * HomeWorkload.PointsPerSecond);
        HomeWorkload.Second(Start, 0, batch);
        var keys = batch.SelectMany(p => p.Fields.Select(f => (p.Table, Symbols: SymbolSet.Encode(p.Symbols), f.Name))).ToList();
        batch.Clear();
        var rssBefore = Rss.SettledKb();

        using IBenchStore store = engine switch
        {
            "sqlite" => new SqliteBenchStore(directory, new FixedClock(Start.AddDays(8))),
            "duckdb" => new DuckDbBenchStore(directory),
            _ => throw new ArgumentException($"no engine {engine}", nameof(engine)),
        };
        var watch = Stopwatch.StartNew();
        for (long second = 0; second < denseSeconds; second++)
        {
            HomeWorkload.Second(Start, second, batch);
            if (batch.Count >= BatchSeconds * HomeWorkload.PointsPerSecond)
            {
                await store.WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        await store.WriteAsync(batch, CancellationToken.None);
        batch.Clear();
        var insertSeconds = watch.Elapsed.TotalSeconds;
        store.Checkpoint();
        var bytesPerDay = DirectoryBytes(directory) * (86400.0 / denseSeconds);

        for (long second = 86400; second < 7 * 86400; second += 60)
        {
            HomeWorkload.Second(Start, second, batch);
            if (batch.Count >= BatchSeconds * HomeWorkload.PointsPerSecond)
            {
                await store.WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        await store.WriteAsync(batch, CancellationToken.None);
        store.Checkpoint();

        var (from, to) = (Start, Start.AddDays(7));
        var page = new List<double>();
        var one = new List<double>();
        var buckets = 0;
        for (var round = 0; round < 21; round++)
        {
            watch.Restart();
            buckets = keys.Sum(k => store.QueryQuarters(k.Table, k.Symbols, k.Name, from, to));
            page.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            store.QueryQuarters(keys[0].Table, keys[0].Symbols, keys[0].Name, from, to);
            one.Add(watch.Elapsed.TotalMilliseconds);
        }

        var rssAfter = Rss.SettledKb();
        return new EngineResult(
            engine,
            denseSeconds * (double)HomeWorkload.PointsPerSecond / insertSeconds,
            denseSeconds * (double)HomeWorkload.ValuesPerSecond / insertSeconds,
            bytesPerDay / (1024 * 1024),
            Median(page),
            Median(one),
            buckets,
            (rssAfter - rssBefore) / 1024.0,
            rssBefore / 1024.0);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static long DirectoryBytes(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
