using System.Diagnostics;
using System.Text.Json;
using ProofOfHeat.Bench.TelemetryStore;
using static ProofOfHeat.Bench.TelemetryStore.EngineRun;

// Usage: [--quick]            measure both engines, each in a child process, and write results.md
//        child ENGINE DIR [--quick]   measure one engine (what the parent runs)
if (args.Length >= 3 && args[0] == "child")
{
    var result = await EngineRun.RunAsync(args[1], args[2], args.Contains("--quick"));
    Console.WriteLine(JsonSerializer.Serialize(result));
    return 0;
}

var quick = args.Contains("--quick");
var results = new List<EngineResult>();
foreach (var engine in new[] { "sqlite", "duckdb" })
{
    var directory = Path.Combine(Path.GetTempPath(), $"poh-bench-store-{engine}-{Environment.ProcessId}");
    Directory.CreateDirectory(directory);
    try
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EngineRun).Assembly.Location);
        }

        foreach (var arg in new[] { "child", engine, directory }.Concat(quick ? ["--quick"] : Array.Empty<string>()))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var result = JsonSerializer.Deserialize<EngineResult>(output.Trim().Split('\n')[^1])!;
        results.Add(result);
        Console.Error.WriteLine($"{engine}: {output.Trim()}");
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }
}

var table = new List<string>
{
    $"Telemetry store engines ({(quick ? "--quick: 2 h at 1 Hz, disk scaled to a day" : "one day at 1 Hz")}; {Environment.ProcessorCount} CPUs, {DateTime.UtcNow:yyyy-MM-dd})",
    string.Empty,
    "| engine | insert points/s | insert values/s | disk MB per day at 1 Hz | 7-day chart, 59 series (ms) | 7-day chart, 1 series (ms) | buckets read | VmRSS added (MB) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
};
table.AddRange(results.Select(r =>
    $"| {r.Engine} | {Format(r.PointsPerSecond, "N0")} | {Format(r.ValuesPerSecond, "N0")} | {Format(r.MbPerDayAt1Hz, "F1")} | {Format(r.SevenDayPageMs, "F2")} | {Format(r.SevenDaySeriesMs, "F3")} | {r.PageBuckets} | {Format(r.RssAddedMb, "F1")} |"));
foreach (var line in table)
{
    Console.WriteLine(line);
}

var here = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "bench", "TelemetryStore");
var file = Directory.Exists(here) ? Path.Combine(here, "results.md") : "results.md";
await File.WriteAllLinesAsync(file, table);
return 0;
