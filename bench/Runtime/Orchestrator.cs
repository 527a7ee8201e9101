using System.Runtime.InteropServices;
using System.Text;
using ProofOfHeat.Bench.Report;
using ProofOfHeat.Bench.Rss;

namespace ProofOfHeat.Bench;

/// <summary>The top-level run: throughput in a pinned child, then the demo's memory, then results.md.</summary>
internal static class Orchestrator
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var report = new StringBuilder();
        report.Append("# Runtime benchmark results\n\n");
        report.Append(FormattableString.Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC{(options.Quick ? " (--quick: a smoke run, not the reference figures)" : "")}. "));
        report.Append(FormattableString.Invariant($"Machine: {CpuModel()}, {Environment.ProcessorCount} cores visible (shared with other work), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}. "));
        report.Append("Reproduce with `./poh bench` (see bench/README.md).\n\n");

        var status = 0;
        if (!options.SkipThroughput)
        {
            var fragment = Path.GetTempFileName();
            try
            {
                status = await SingleCoreLauncher.RunPinnedAsync(options.ToChildArguments(fragment));
                var throughput = await File.ReadAllTextAsync(fragment);
                if (throughput.Length == 0)
                {
                    await Console.Error.WriteLineAsync($"bench: the throughput run failed (exit code {status}).");
                    return status == 0 ? 1 : status;
                }

                report.Append(throughput);
            }
            finally
            {
                File.Delete(fragment);
            }
        }

        if (!options.SkipRss)
        {
            var dll = options.PohDll ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "ProofOfHeat.Host", "release", "poh.dll"));
            if (!File.Exists(dll))
            {
                await Console.Error.WriteLineAsync($"bench: {dll} not found; build runtime/Host in Release or pass --poh PATH.");
                return 2;
            }

            var duration = TimeSpan.FromMinutes(options.RssMinutes);
            var interval = options.Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(30);
            Console.WriteLine(FormattableString.Invariant($"demo memory: {dll} for {duration.TotalMinutes:0.#} min, a reading every {interval.TotalSeconds:0} s"));
            var rss = await new DemoRssProbe(dll, duration, interval).RunAsync(CancellationToken.None);
            report.Append(ResultsTable.Rss(rss));
        }

        var path = options.ResultsPath ?? Path.Combine(RepositoryRoot(), "bench", "Runtime", "results.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"written to {path}");
        return status;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProofOfHeat.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
