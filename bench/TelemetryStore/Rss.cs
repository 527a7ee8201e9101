namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>This process's resident memory (VmRSS in /proc/self/status), after a full collection.</summary>
internal static class Rss
{
    public static long SettledKb()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
