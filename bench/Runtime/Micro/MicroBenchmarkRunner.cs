using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ProofOfHeat.Bench.Micro;

/// <summary>
/// Runs <see cref="DecodeBenchmarks"/> in this (pinned) process: the in-process toolchain needs no
/// generated project and no extra build, which matters on a shared two-core machine.
/// </summary>
internal static class MicroBenchmarkRunner
{
    // Logs and reports go to the temp directory, not into the working tree.
    private static ManualConfig Config => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "poh-bench-bdn"));

    /// <summary>Runs the benchmarks BenchmarkDotNet's switcher picks from <paramref name="args"/>.</summary>
    public static int RunSelected(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarkRunner).Assembly).Run(args, Config);
        return 0;
    }

    public static string Run()
    {
        var summary = BenchmarkRunner.Run<DecodeBenchmarks>(Config);
        var text = new StringBuilder();
        text.Append("### decoder micro-benchmarks (BenchmarkDotNet ShortRun, in-process, MemoryDiagnoser)\n\n");
        text.Append("| benchmark | mean | allocated/op |\n|---|---:|---:|\n");
        foreach (var report in summary.Reports)
        {
            var mean = report.ResultStatistics?.Mean ?? double.NaN;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            text.Append(CultureInfo.InvariantCulture, $"| {report.BenchmarkCase.Descriptor.WorkloadMethod.Name} | {mean / 1000:F2} µs | {allocated:N0} B |\n");
        }

        return text.Append('\n').ToString();
    }
}
