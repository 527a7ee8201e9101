using ProofOfHeat.Bench.Micro;
using ProofOfHeat.Bench.Report;
using ProofOfHeat.Bench.Server;
using ProofOfHeat.Bench.Throughput;

namespace ProofOfHeat.Bench;

/// <summary>The pinned child: runs the throughput stages and writes its part of the table to the fragment file.</summary>
internal static class PinnedBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var restriction = SingleCoreLauncher.Describe();
        Console.WriteLine($"throughput: {restriction}");
        await using var server = await FakeHaServerProcess.StartAsync(SingleCoreLauncher.ServerCpu());
        Console.WriteLine($"fake HA: {server.Placement} at {server.WebSocketUri}");
        var results = await new ThroughputRunner(options).RunAsync(server, CancellationToken.None);
        var fragment = ResultsTable.Throughput(results, options, restriction, server.Placement);
        if (options.MicroBenchmarks)
        {
            fragment += MicroBenchmarkRunner.Run();
        }

        if (options.FragmentPath is { } path)
        {
            await File.WriteAllTextAsync(path, fragment);
        }
        else
        {
            Console.WriteLine(fragment);
        }

        return results.Any(r => r.Dropped > 0) ? 1 : 0;
    }
}
