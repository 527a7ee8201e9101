using System.Diagnostics;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>One measured run of one stage.</summary>
/// <param name="Events">Events processed.</param>
/// <param name="Elapsed">From the first event asked for to the last one consumed.</param>
/// <param name="AllocatedBytes">Bytes allocated by the whole measured process meanwhile.</param>
/// <param name="Gen0">Gen-0 collections meanwhile.</param>
/// <param name="Gen2">Gen-2 collections meanwhile.</param>
/// <param name="CpuTime">CPU time (user + system, all threads) the measured process used meanwhile.</param>
/// <param name="GcPause">Time the GC paused the process meanwhile.</param>
internal sealed record RunResult(long Events, TimeSpan Elapsed, long AllocatedBytes, int Gen0, int Gen2, TimeSpan CpuTime, TimeSpan GcPause)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>
    /// Events per second of CPU time. On a shared machine the wall-clock rate drops when other work takes
    /// the core; this one does not, so it shows what the pipeline does with a core of its own.
    /// </summary>
    public double EventsPerCpuSecond => Events / CpuTime.TotalSeconds;

    public double BytesPerEvent => AllocatedBytes / (double)Events;

    /// <summary>Measures <paramref name="run"/>: wall time, process-wide allocations and collections.</summary>
    public static async Task<RunResult> MeasureAsync(long events, Func<Task> run)
    {
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        await run();
        var elapsed = Stopwatch.GetElapsedTime(started);
        self.Refresh();
        var cpuUsed = self.TotalProcessorTime - cpu;
        return new RunResult(
            events,
            elapsed,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(2) - gen2,
            cpuUsed,
            GC.GetTotalPauseDuration() - paused);
    }
}
