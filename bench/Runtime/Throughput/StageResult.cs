namespace ProofOfHeat.Bench.Throughput;

/// <summary>The measured runs of one stage in one frame shape, and their medians.</summary>
internal sealed record StageResult(string Stage, string Frames, IReadOnlyList<RunResult> Runs, long Dropped)
{
    public double MedianEventsPerSecond => Median(Runs.Select(r => r.EventsPerSecond));

    public double MinEventsPerSecond => Runs.Min(r => r.EventsPerSecond);

    public double MaxEventsPerSecond => Runs.Max(r => r.EventsPerSecond);

    public double MedianEventsPerCpuSecond => Median(Runs.Select(r => r.EventsPerCpuSecond));

    public double MedianBytesPerEvent => Median(Runs.Select(r => r.BytesPerEvent));

    /// <summary>Gen-0 collections per 100,000 events (median).</summary>
    public double MedianGen0Per100k => Median(Runs.Select(r => r.Gen0 * 100_000.0 / r.Events));

    /// <summary>Share of the wall time the GC paused the process (median).</summary>
    public double MedianGcShare => Median(Runs.Select(r => r.GcPause / r.Elapsed));

    public int Gen2Total => Runs.Sum(r => r.Gen2);

    /// <summary>CPU microseconds per event at the median CPU rate.</summary>
    public double CpuMicrosecondsPerEvent => 1_000_000 / MedianEventsPerCpuSecond;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
