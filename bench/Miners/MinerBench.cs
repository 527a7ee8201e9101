using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Detection;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Bench.Miners;

/// <summary>
/// The fleet's polling cost and firmware detection time. The simulators run in a child process so
/// the CPU measured here is the brain's side only: drivers, sockets, parsing, the fleet's bookkeeping.
/// </summary>
internal static class MinerBench
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        await using var child = await SimulatorProcess.StartAsync(settings.Miners);
        var miners = child.Miners;
        Console.Error.WriteLine($"bench: {miners.Count} simulated miners up ({string.Join(", ", miners.GroupBy(m => m.Family).Select(g => $"{g.Count()} {g.Key}"))})");

        var catalog = new MinerDriverCatalog(MinerDrivers.BuiltIn());
        var context = new MinerDriverContext(TimeProvider.System, new MinerTimeouts(), NullLoggerFactory.Instance);
        var polling = await MeasurePollingAsync(settings, miners, catalog, context);
        var perFamily = await MeasurePerFamilyAsync(miners, catalog, context);
        var detection = await MeasureDetectionAsync(settings, miners, catalog, context);

        var report = Report(settings, polling, perFamily, detection);
        Console.WriteLine(report);
        var results = Path.Combine(BenchFolder(), "results.md");
        await File.WriteAllTextAsync(results, report);
        Console.Error.WriteLine($"bench: table written to {results}");
        return polling.Failed == 0 && detection.All(d => d.Correct == d.Runs) ? 0 : 1;
    }

    private static async Task<PollingResult> MeasurePollingAsync(
        BenchSettings settings, IReadOnlyList<SimulatedMinerLine> miners, MinerDriverCatalog catalog, MinerDriverContext context)
    {
        var options = new MinerFleetOptions
        {
            PollInterval = settings.Interval,
            Miners = [.. miners.Select(m => m.ToOptions())],
        };
        await using var fleet = new MinerFleet(options, catalog, context, NullLogger<MinerFleet>.Instance);

        // Warm-up: capabilities, JIT, connection pools.
        await fleet.PollAllAsync(CancellationToken.None);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        var roundTimes = new List<double>();
        var failed = 0;
        using var timer = new PeriodicTimer(settings.Interval);
        for (var round = 1; round <= settings.Rounds; round++)
        {
            await timer.WaitForNextTickAsync();
            var started = Stopwatch.GetTimestamp();
            var snapshots = await fleet.PollAllAsync(CancellationToken.None);
            roundTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            failed += snapshots.Count(s => s.Reading?.Status is not (MinerStatus.Mining or MinerStatus.Starting));
            Console.Error.WriteLine($"bench: round {round}/{settings.Rounds}: {roundTimes[^1]:0} ms, {snapshots.Count(s => s.Reading?.Status == MinerStatus.Mining)} mining");
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
        return new PollingResult(
            miners.Count, settings.Rounds, wall.Elapsed, cpu, Median(roundTimes), allocated / (double)(settings.Rounds * miners.Count), failed);
    }

    // One family at a time, one read at a time: the CPU a read of that family costs.
    private static async Task<List<(string Family, double CpuMs, double WallMs)>> MeasurePerFamilyAsync(
        IReadOnlyList<SimulatedMinerLine> miners, MinerDriverCatalog catalog, MinerDriverContext context)
    {
        const int Reads = 30;
        var results = new List<(string, double, double)>();
        var process = Process.GetCurrentProcess();
        foreach (var family in miners.Select(m => m.Family).Distinct().Order(StringComparer.Ordinal))
        {
            var line = miners.First(m => m.Family == family);
            await using var driver = catalog.Create(family, line.ToOptions().ToEndpoint(), context);
            await driver.GetCapabilitiesAsync(CancellationToken.None);
            await driver.ReadAsync(CancellationToken.None);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < Reads; i++)
            {
                await driver.ReadAsync(CancellationToken.None);
            }

            process.Refresh();
            results.Add((family, (process.TotalProcessorTime - cpu).TotalMilliseconds / Reads, wall.Elapsed.TotalMilliseconds / Reads));
        }

        return results;
    }

    private static async Task<List<DetectionResult>> MeasureDetectionAsync(
        BenchSettings settings, IReadOnlyList<SimulatedMinerLine> miners, MinerDriverCatalog catalog, MinerDriverContext context)
    {
        var detector = new MinerFirmwareDetector(catalog, context);
        var results = new List<DetectionResult>();
        foreach (var miner in miners.GroupBy(m => m.Family).Select(g => g.First()).OrderBy(m => m.Family, StringComparer.Ordinal))
        {
            var times = new List<double>();
            var correct = 0;
            string? seen = null;
            for (var i = 0; i < settings.DetectionsPerFamily + 1; i++)
            {
                var detection = await detector.DetectAsync(miner.ToOptions().ToEndpoint(), CancellationToken.None);
                if (i == 0)
                {
                    continue; // the first one pays for JIT
                }

                times.Add(detection.Elapsed.TotalMilliseconds);
                seen = detection.Family;
                correct += detection.Family == miner.Family ? 1 : 0;
            }

            results.Add(new DetectionResult(miner.Family, seen, settings.DetectionsPerFamily, correct, Median(times), times.Max()));
        }

        return results;
    }

    private static string Report(
        BenchSettings settings, PollingResult polling, List<(string Family, double CpuMs, double WallMs)> perFamily, List<DetectionResult> detection)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"# Miner bench ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
        text.AppendLine();
        text.AppendLine(inv, $"Polling {polling.Miners} simulated miners every {settings.Interval.TotalSeconds:0} s with the fleet's own polling (simulators in a child process), {polling.Rounds} rounds after a warm-up round.");
        text.AppendLine();
        text.AppendLine("| what | measured | target |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(inv, $"| CPU of one core while polling | {polling.CpuShare * 100:0.00} % | < 2 % |");
        text.AppendLine(inv, $"| CPU per poll round ({polling.Miners} miners) | {polling.Cpu.TotalMilliseconds / polling.Rounds:0.0} ms | |");
        text.AppendLine(inv, $"| wall time of a round, median | {polling.RoundMedianMs:0} ms | < {settings.Interval.TotalMilliseconds:0} ms |");
        text.AppendLine(inv, $"| allocated per miner read | {polling.BytesPerRead / 1024:0.0} KiB | |");
        text.AppendLine(inv, $"| reads that failed | {polling.Failed} | 0 |");
        text.AppendLine();
        text.AppendLine("One read (the fleet's poll of one miner) by family, 30 reads one after another:");
        text.AppendLine();
        text.AppendLine("| family | CPU per read | wall per read |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (family, cpuMs, wallMs) in perFamily)
        {
            text.AppendLine(inv, $"| {family} | {cpuMs:0.00} ms | {wallMs:0.00} ms |");
        }

        text.AppendLine();
        text.AppendLine("Firmware detection (web root + RPC version + v3 port probed at once), per family, on loopback:");
        text.AppendLine();
        text.AppendLine("| family | detected as | correct | median | max |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var d in detection)
        {
            text.AppendLine(inv, $"| {d.Family} | {d.Seen ?? "—"} | {d.Correct}/{d.Runs} | {d.MedianMs:0.0} ms | {d.MaxMs:0.0} ms |");
        }

        return text.ToString();
    }

    // bench/Miners in the repository the bench runs from (./poh bench runs it from the root), else the current folder.
    private static string BenchFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProofOfHeat.slnx")))
            {
                return Path.Combine(dir.FullName, "bench", "Miners");
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record PollingResult(int Miners, int Rounds, TimeSpan Wall, TimeSpan Cpu, double RoundMedianMs, double BytesPerRead, int Failed)
    {
        public double CpuShare => Cpu / Wall;
    }

    private sealed record DetectionResult(string Family, string? Seen, int Runs, int Correct, double MedianMs, double MaxMs);
}
