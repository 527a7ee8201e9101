using System.Diagnostics;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>
/// The same encoder loop as <see cref="EncoderBenchmark"/>, timed by this process's CPU time instead of the wall
/// clock: on a shared machine with a load far above its two cores, wall time mostly measures waiting for a core.
/// Nothing else runs in the process meanwhile and the loop allocates nothing (no GC), so its CPU time is the loop's.
/// </summary>
internal static class EncoderCpuTime
{
    public static (double PointsPerCpuSecond, long AllocatedBytes) Run(int rounds)
    {
        var benchmark = new EncoderBenchmark();
        benchmark.Setup();
        for (var i = 0; i < 200; i++)
        {
            benchmark.Encode();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++)
        {
            benchmark.Encode();
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        return (rounds * (double)EncoderBenchmark.PointsPerOperation / cpu.TotalSeconds, allocated);
    }
}
