using ProofOfHeat.Bench;
using ProofOfHeat.Bench.Server;

// The runtime benchmark (bench/README.md). Three roles in one program:
//  - default: the orchestrator; it re-runs itself pinned to one core for the throughput part, then measures the
//    demo's memory unrestricted, and writes the Markdown table;
//  - pinned child (POH_BENCH_PINNED=1): the throughput stages (and, with --bdn, the micro-benchmarks);
//  - "micro ARGS": BenchmarkDotNet's switcher over the micro-benchmarks, for profiling;
//  - "fake-ha": the fake Home Assistant server, in its own process so it does not count against the pipeline.
if (args is [FakeHaServerMain.ModeName])
{
    return await FakeHaServerMain.RunAsync();
}

if (args is ["micro", .. var benchmarkArguments])
{
    // Any micro-benchmark by name, for profiling: micro --filter '*Breakdown*'.
    return ProofOfHeat.Bench.Micro.MicroBenchmarkRunner.RunSelected(benchmarkArguments);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

return SingleCoreLauncher.IsPinned
    ? await PinnedBench.RunAsync(options)
    : await Orchestrator.RunAsync(options);
