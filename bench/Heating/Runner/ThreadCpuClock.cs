using System.Globalization;

namespace ProofOfHeat.Bench.Heating.Runner;

/// <summary>
/// The calling thread's CPU time, so a decision's compute is measured without the time other work on a loaded machine
/// takes from it (a wall clock counts that too). Linux reports it as the first field of /proc/thread-self/schedstat,
/// the time spent on the CPU in nanoseconds (kernel documentation, Documentation/scheduler/sched-stats.rst).
/// </summary>
internal static class ThreadCpuClock
{
    private const string Path = "/proc/thread-self/schedstat";

    /// <summary>The thread's CPU time so far, or null where the system does not report it.</summary>
    public static TimeSpan? Now()
    {
        try
        {
            var text = File.ReadAllText(Path);
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end > 0 ? text[..end] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var ns)
                ? TimeSpan.FromTicks(ns / 100)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
