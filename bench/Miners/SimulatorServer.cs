using System.Text.Json;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Bench.Miners;

/// <summary>The child process: starts N simulated miners, every family in turn, announces them, and serves until stdin closes.</summary>
internal static class SimulatorServer
{
    public static async Task<int> RunAsync(int count)
    {
        await using var farm = new MinerFarm(TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            var family = MinerFarm.Families[i % MinerFarm.Families.Count];
            var miner = await farm.StartAsync(family);
            var line = new SimulatedMinerLine($"m{i:000}", family, miner.HttpPort, miner.RpcPort ?? 4028, miner.V3Port ?? 4433, null, null);
            Console.WriteLine(JsonSerializer.Serialize(line));
        }

        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
