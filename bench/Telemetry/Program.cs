using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProofOfHeat.Bench.Telemetry;
using ProofOfHeat.TestKit.QuestDb;

// bench/Telemetry: `encoder` (BenchmarkDotNet), `format` (outbox on-disk format), `influx` (end-to-end points/s into
// a real InfluxDB 1.6), `cpu` (CPU share of recording at 1,000 points/s), `brain` (CPU share of recording a busy
// brain's miners and zones through the throttle into the embedded store), or `all`. Figures: README.md beside this file.
var what = args.Length > 0 ? args[0] : "all";
var invariant = CultureInfo.InvariantCulture;

if (what is "encoder" or "all")
{
    var config = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "poh-bench-telemetry-bdn"));
    var summary = BenchmarkRunner.Run<EncoderBenchmark>(config);
    var benchmark = new EncoderBenchmark();
    benchmark.Setup();
    foreach (var report in summary.Reports)
    {
        var ns = report.ResultStatistics?.Median ?? double.NaN;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        Console.WriteLine(string.Create(invariant,
            $"encoder: median {ns:F1} ns/point = {1e9 / ns:N0} points/s on one core, {allocated} B allocated/point, {benchmark.BytesPerPoint} B of ILP/point"));
    }
}

if (what is "encoder-cpu" or "encoder" or "all")
{
    var rates = new List<double>();
    for (var run = 0; run < 5; run++)
    {
        var (rate, allocated) = EncoderCpuTime.Run(rounds: 10_000);
        rates.Add(rate);
        Console.WriteLine(string.Create(invariant, $"encoder-cpu: run {run + 1}: {rate:N0} points per CPU second, {allocated} B allocated for 10,000,000 points"));
    }

    rates.Sort();
    Console.WriteLine(string.Create(invariant, $"encoder-cpu: median {rates[2]:N0} points per CPU second (one thread)"));
}

if (what is "format" or "all")
{
    var runs = Enumerable.Range(0, 3).SelectMany(_ => OutboxFormatComparison.Run(commits: 200, pointsPerCommit: 250)).ToList();
    foreach (var format in runs.GroupBy(r => r.Format))
    {
        var rates = format.Select(r => r.PointsPerSecond).Order().ToList();
        var acknowledge = format.Select(r => r.AcknowledgeMs).Order().ToList();
        Console.WriteLine(string.Create(invariant,
            $"format: {format.Key}: median {rates[1]:N0} points/s appended with one fsync per 250 points ({string.Join(" / ", rates.Select(r => r.ToString("N0", invariant)))}), " +
            $"{format.First().BytesPerPoint:F1} B/point on disk, read back + parse + acknowledge 50,000 points median {acknowledge[1]:F0} ms"));
    }
}

if (what is "brain" or "all")
{
    var (pipeline, baseline, offered, stored) = await BrainRecordingCpu.RunAsync(TimeSpan.FromSeconds(60));
    Console.WriteLine(string.Create(invariant,
        $"brain: {BrainRecordingCpu.Miners} miners + {BrainRecordingCpu.Zones} zones, {offered / 60.0:N0} updates/s offered, {stored / 60.0:N1} points/s stored (1 Hz per series), 60 s: " +
        $"{pipeline * 100:F2} % of one core (pacing loop alone {baseline * 100:F2} %, so recording {100 * (pipeline - baseline):F2} %)"));
}

if (what is "influx" or "cpu" or "all")
{
    await using var influx = await InfluxDbServer.StartAsync();
    if (what is "influx" or "all")
    {
        var rates = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            rates.Add(await InfluxThroughput.RunAsync(influx, $"bench{run}", 200_000));
        }

        rates.Sort();
        Console.WriteLine(string.Create(invariant, $"influx: end to end {rates[1]:N0} points/s (median of 3 runs of 200,000: {string.Join(" / ", rates.Select(r => r.ToString("N0", invariant)))})"));
    }

    if (what is "cpu" or "all")
    {
        var (pipeline, baseline) = await RecordingCpu.RunAsync(influx, "cpu", TimeSpan.FromSeconds(60));
        Console.WriteLine(string.Create(invariant,
            $"cpu: recording 1,000 points/s for 60 s: {pipeline * 100:F2} % of one core (pacing loop alone {baseline * 100:F2} %, so recording {100 * (pipeline - baseline):F2} %)"));
    }
}
