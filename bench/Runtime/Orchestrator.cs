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
            var release = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", ".."));
            var poh = options.PohDll ?? Path.Combine(release, "ProofOfHeat.Host", "release", "poh.dll");
            var demo = options.DemoDll ?? Path.Combine(release, "ProofOfHeat.Demo", "release", "ProofOfHeat.Demo.dll");
            var addon = options.AddonPoh ?? Path.Combine(RepositoryRoot(), "artifacts", "addon-publish", AddonArch(), "poh");
            foreach (var dll in (string?[])[poh, demo, addon, options.BeforePohDll])
            {
                if (dll is not null && !File.Exists(dll))
                {
                    await Console.Error.WriteLineAsync(
                        $"bench: {dll} not found; build runtime/Host and sim/Demo in Release and publish the add-on's brain "
                        + $"(addon/publish.sh artifacts/addon-publish {AddonArch()}), or pass --poh/--demo/--addon PATH.");
                    return 2;
                }
            }

            var duration = TimeSpan.FromMinutes(options.RssMinutes);
            var interval = options.Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(30);
            Console.WriteLine(FormattableString.Invariant($"memory: the add-on's brain and poh run in a realistic home and the demo, {duration.TotalMinutes:0.#} min each, side by side, a reading every {interval.TotalSeconds:0} s"));
            // Side by side: resident memory is per process, and three 10-minute runs in a row would take half an hour.
            // The product path both ways: the add-on's brain (addon/publish.sh: self-contained, IL-trimmed, started by
            // the image with launch.env as its ENV), which the ≤ 64 MB target is for, and `./poh run`'s
            // framework-dependent brain (the shared .NET runtime, untrimmed).
            var runs = new List<Task<string>>
            {
                HomeAsync("the add-on's brain (trimmed self-contained `poh run`), realistic home", addon, duration, interval),
                HomeAsync("`./poh run` (framework-dependent), realistic home", poh, duration, interval),
            };
            if (!options.SkipDemo)
            {
                runs.Add(DemoAsync(demo, duration, interval));
            }

            foreach (var variant in options.Variants)
            {
                var parts = variant.Split('|');
                var environment = parts.Length > 2 && parts[2].Length > 0
                    ? parts[2].Split(',').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                var dll = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : poh;
                var withApps = !parts[0].EndsWith("no apps", StringComparison.Ordinal);
                var bare = parts.Length > 3 && parts[3] == "bare";
                runs.Add(HomeAsync($"`poh run`, {parts[0]}", dll, duration, interval, environment, withApps, bare));
            }
            if (options.BeforePohDll is { } before)
            {
                runs.Add(HomeAsync($"`poh run` before this change ({before}), the same realistic home", before, duration, interval));
            }

            foreach (var section in await Task.WhenAll(runs))
            {
                report.Append(section);
            }
        }

        var path = options.ResultsPath ?? Path.Combine(RepositoryRoot(), "bench", "Runtime", "results.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"written to {path}");
        return status;
    }

    /// <summary>The production brain in a <see cref="RealisticHome"/> of its own.</summary>
    private static Task<string> HomeAsync(string title, string dll, TimeSpan duration, TimeSpan interval) =>
        HomeAsync(title, dll, duration, interval, new Dictionary<string, string>(StringComparer.Ordinal), withApps: true, bare: false);

    /// <summary>The brain from <paramref name="dll"/> with <paramref name="environment"/> added, with the realistic home's apps or none.</summary>
    private static async Task<string> HomeAsync(
        string title, string dll, TimeSpan duration, TimeSpan interval, IReadOnlyDictionary<string, string> environment, bool withApps, bool bare)
    {
        await using var home = await RealisticHome.StartAsync();
        var config = Directory.CreateTempSubdirectory("poh-bench-home-");
        try
        {
            var probe = new PohRssProbe(title, dll, ["run", "--config", home.WriteConfig(config.FullName, withApps), "--data", "{data}", "--http-port", "0"], duration, interval)
            {
                Prepare = RealisticHome.SeedHistoryAsync,
                Environment = environment,
                UseLaunchEnvironment = !bare,
            };
            var rss = await probe.RunAsync(CancellationToken.None);
            return ResultsTable.Rss(
                withApps
                    ? $"{title}: fake HA, 3 heating zones with the optimiser (50 h of history each), {home.MinerCount} miners ({home.Families}) simulated in the bench's process"
                    : $"{title}: the same fake HA, no apps configured",
                rss,
                ResultsTable.TargetRssMb);
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }

    /// <summary>The demo program (sim/Demo): the brain, the simulated house and three miner simulators in one process.</summary>
    private static async Task<string> DemoAsync(string dll, TimeSpan duration, TimeSpan interval)
    {
        var rss = await new PohRssProbe("demo", dll, PohRssProbe.DemoArguments(duration), duration, interval).RunAsync(CancellationToken.None);
        return ResultsTable.Rss("demo resident memory (`./poh demo --speed 60`: brain, simulated house and three miner simulators in one process)", rss, null);
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

    /// <summary>The add-on's arch name (HA's: amd64, aarch64) for this machine, the folder addon/publish.sh writes.</summary>
    private static string AddonArch() => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64" : "amd64";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
