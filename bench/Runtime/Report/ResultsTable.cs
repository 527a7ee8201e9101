using System.Globalization;
using System.Text;
using ProofOfHeat.Bench.Frames;
using ProofOfHeat.Bench.Rss;
using ProofOfHeat.Bench.Throughput;

namespace ProofOfHeat.Bench.Report;

/// <summary>Renders the figures as Markdown, with the issue's targets beside them.</summary>
internal static class ResultsTable
{
    public const double TargetEventsPerSecond = 50_000;
    /// <summary>The production brain's target (issue 9): VmRSS at most 64 MB.</summary>
    public const double TargetRssMb = 64;

    public static string Throughput(IReadOnlyList<StageResult> results, BenchOptions options, string restriction, string serverPlacement)
    {
        var text = new StringBuilder();
        Line(text, $"### state_changed throughput ({options.Events:N0} events a run, median of {options.Runs} runs, {options.Entities} entities)");
        Line(text, "");
        var sizes = StateChangedFrames.Messages(options.Entities).Select(m => m.Length).ToArray();
        Line(text, $"One event is a realistic state_changed message of {sizes.Min():N0}–{sizes.Max():N0} bytes (mean {sizes.Average():N0}): full old and new state, 9–15 attributes each.");
        Line(text, "");
        Line(text, $"Measured process: {restriction}. Fake HA: {serverPlacement}. Events go in windows of {options.Window:N0} (below the app queue of 1,024), each consumed before the next; stages are measured in interleaved rounds.");
        Line(text, "");
        Line(text, "*events/s, wall clock* counts from the first event asked for to the last one consumed by every consumer; *events per CPU-second* divides by the CPU time the measured process used meanwhile, which on a shared machine shows what one free core would do. Allocations are the whole measured process's (the fake HA runs elsewhere).");
        Line(text, "");
        Line(text, "| stage | frames | events/s, wall clock (median) | min–max | events per CPU-second (median) | CPU µs/event | bytes allocated/event | gen0 GCs per 100k | GC pause share of wall time | target |");
        Line(text, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var target = r.Stage.StartsWith("full pipeline", StringComparison.Ordinal)
                ? $"≥ 50,000: wall {Mark(r.MedianEventsPerSecond)}, CPU {Mark(r.MedianEventsPerCpuSecond)}"
                : "";
            var dropped = r.Dropped > 0 ? $" ({r.Dropped:N0} dropped!)" : "";
            Line(text, $"| {r.Stage}{dropped} | {r.Frames} | {r.MedianEventsPerSecond:N0} | {r.MinEventsPerSecond:N0}–{r.MaxEventsPerSecond:N0} | {r.MedianEventsPerCpuSecond:N0} | {r.CpuMicrosecondsPerEvent:F1} | {r.MedianBytesPerEvent:N0} | {r.MedianGen0Per100k:F1} | {r.MedianGcShare:P0} | {target} |");
        }

        Line(text, "");
        return text.ToString();
    }

    /// <summary>One process's memory over its run (a reading every interval) and where it was at the end.</summary>
    /// <param name="title">What ran, for the heading.</param>
    /// <param name="rss">The readings.</param>
    /// <param name="targetMb">The target for the last reading, or null for none.</param>
    public static string Rss(string title, RssResult rss, double? targetMb)
    {
        var text = new StringBuilder();
        Line(text, $"### {title} ({rss.Duration.TotalMinutes:0.#} min, read from /proc/PID/status)");
        Line(text, "");
        Line(text, "| after | VmRSS | VmHWM (peak) | target |");
        Line(text, "|---:|---:|---:|---|");
        foreach (var s in rss.Samples)
        {
            var target = targetMb is { } mb && ReferenceEquals(s, rss.Final) ? s.RssKb / 1024.0 <= mb ? $"≤ {mb:0} MB ✅" : $"≤ {mb:0} MB ❌" : "";
            Line(text, $"| {s.At.TotalSeconds:0} s | {s.RssKb / 1024.0:F1} MB | {s.HwmKb / 1024.0:F1} MB | {target} |");
        }

        Line(text, "");
        if (rss.Breakdown is { } breakdown)
        {
            Line(text, $"Where it was at the end (/proc/PID/smaps, Rss by mapping, {breakdown.TotalKb / 1024.0:F1} MB in all):");
            Line(text, "");
            Line(text, "| mapping | resident (Rss) | Pss | private |");
            Line(text, "|---|---:|---:|---:|");
            foreach (var (kind, kb) in breakdown.Kb)
            {
                Line(text, $"| {kind} | {kb / 1024.0:F1} MB | {breakdown.PssKb.GetValueOrDefault(kind) / 1024.0:F1} MB | {breakdown.PrivateKb.GetValueOrDefault(kind) / 1024.0:F1} MB |");
            }

            Line(text, "");
            Line(text, $"Largest files: {string.Join(", ", breakdown.LargestFiles.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.File} {f.Kb / 1024.0:F1}")))} (MB).");
            Line(text, "");
        }

        return text.ToString();
    }

    private static string Mark(double eventsPerSecond) => eventsPerSecond >= TargetEventsPerSecond ? "✅" : "❌";

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
