using System.Globalization;
using System.Text;
using ProofOfHeat.Bench.Rss;
using ProofOfHeat.Bench.Throughput;

namespace ProofOfHeat.Bench.Report;

/// <summary>Renders the figures as Markdown, with the targets beside them.</summary>
internal static class ResultsTable
{
    public const double TargetEventsPerSecond = 50_000;
    public const double TargetRssMb = 65;

    public static string Throughput(IReadOnlyList<StageResult> results, BenchOptions options, string restriction, string serverPlacement)
    {
        var text = new StringBuilder();
        Line(text, $"### state_changed throughput ({options.Events:N0} events a run, median of {options.Runs} runs, {options.Entities} entities)");
        Line(text, "");
        Line(text, $"Measured process: {restriction}. Fake HA: {serverPlacement}. Events go in windows of {options.Window:N0} (below the app queue of 1,024), each consumed before the next.");
        Line(text, "");
        Line(text, "| stage | frames | events/s, wall clock (median) | min–max | events per CPU-second (median) | CPU µs/event | bytes allocated/event | gen0 GCs per 100k | target |");
        Line(text, "|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var target = r.Stage.StartsWith("full pipeline", StringComparison.Ordinal)
                ? r.MedianEventsPerSecond >= TargetEventsPerSecond ? "≥ 50,000 ✅" : "≥ 50,000 ❌"
                : "";
            var dropped = r.Dropped > 0 ? $" ({r.Dropped:N0} dropped!)" : "";
            Line(text, $"| {r.Stage}{dropped} | {r.Frames} | {r.MedianEventsPerSecond:N0} | {r.MinEventsPerSecond:N0}–{r.MaxEventsPerSecond:N0} | {r.MedianEventsPerCpuSecond:N0} | {r.CpuMicrosecondsPerEvent:F1} | {r.MedianBytesPerEvent:N0} | {r.MedianGen0Per100k:F1} | {target} |");
        }

        Line(text, "");
        return text.ToString();
    }

    public static string Rss(RssResult rss)
    {
        var text = new StringBuilder();
        Line(text, $"### demo resident memory (`poh demo --speed 60`, {rss.Duration.TotalMinutes:0.#} min, read from /proc/PID/status)");
        Line(text, "");
        Line(text, "| after | VmRSS | VmHWM (peak) | target |");
        Line(text, "|---:|---:|---:|---|");
        foreach (var s in rss.Samples)
        {
            var target = ReferenceEquals(s, rss.Final) ? s.RssKb / 1024.0 <= TargetRssMb ? "≤ 65 MB ✅" : "≤ 65 MB ❌" : "";
            Line(text, $"| {s.At.TotalSeconds:0} s | {s.RssKb / 1024.0:F1} MB | {s.HwmKb / 1024.0:F1} MB | {target} |");
        }

        Line(text, "");
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
