using System.Diagnostics;

namespace ProofOfHeat.Bench;

/// <summary>
/// Runs the throughput part in a child restricted to one core: <c>taskset -c 0</c> (the kernel lets it
/// run only on CPU 0) plus <c>DOTNET_PROCESSOR_COUNT=1</c> (the runtime sizes its thread pool and GC
/// for one core). The fake HA server then gets CPU 1, so it does not steal the measured core.
/// </summary>
internal static class SingleCoreLauncher
{
    /// <summary>Set in the child, so it does not launch itself again.</summary>
    public const string PinnedVariable = "POH_BENCH_PINNED";

    /// <summary>The core the measured process runs on.</summary>
    public const int MeasuredCpu = 0;

    /// <summary>Whether this process is the pinned child.</summary>
    public static bool IsPinned => Environment.GetEnvironmentVariable(PinnedVariable) == "1";

    public static bool HasTaskset() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "taskset"))) == true;

    /// <summary>The core for the fake server: another one when the machine has two or more.</summary>
    public static int? ServerCpu() => IsPinned && Environment.GetEnvironmentVariable("POH_BENCH_CPUS") is { } cpus && int.TryParse(cpus, out var n) && n > 1 ? 1 : null;

    /// <summary>How the measured process is restricted, for the report.</summary>
    public static string Describe() => IsPinned
        ? HasTaskset() ? $"taskset -c {MeasuredCpu} + DOTNET_PROCESSOR_COUNT=1 (Environment.ProcessorCount = {Environment.ProcessorCount})"
            : $"DOTNET_PROCESSOR_COUNT=1 only, no taskset (Environment.ProcessorCount = {Environment.ProcessorCount})"
        : $"not restricted (Environment.ProcessorCount = {Environment.ProcessorCount})";

    /// <summary>
    /// The command that starts this program again: <c>dotnet ProofOfHeat.Bench.dll</c>, or the app host alone when
    /// it was started through it (as <c>dotnet run</c> does).
    /// </summary>
    public static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? DotnetHost();
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.Ordinal)
            ? [process, typeof(SingleCoreLauncher).Assembly.Location]
            : [process];
    }

    /// <summary>The dotnet host, for running other apps' dlls (the demo).</summary>
    public static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.Ordinal)
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Starts this program again, pinned, with <paramref name="arguments"/>; returns its exit code.</summary>
    public static async Task<int> RunPinnedAsync(IEnumerable<string> arguments)
    {
        var self = SelfCommand();
        var start = HasTaskset()
            ? new ProcessStartInfo("taskset", ["-c", MeasuredCpu.ToString(System.Globalization.CultureInfo.InvariantCulture), .. self, .. arguments])
            : new ProcessStartInfo(self[0], [.. self[1..], .. arguments]);
        start.UseShellExecute = false;
        start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        start.Environment[PinnedVariable] = "1";
        start.Environment["POH_BENCH_CPUS"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the pinned benchmark process.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
