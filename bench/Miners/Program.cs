using ProofOfHeat.Bench.Miners;

// ./poh bench miners [--quick] [--miners N] [--rounds N]
//   polls N simulated miners (every family in turn, served by a child process) every 10 s with the
//   fleet's own polling, and measures this process's CPU; then times firmware detection per family.
// Child mode (internal): serve N  — starts the simulators and prints their endpoints.
if (args.Length > 0 && args[0] == "serve")
{
    return await SimulatorServer.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
}

return await MinerBench.RunAsync(BenchSettings.Parse(args));
