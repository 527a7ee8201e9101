using ProofOfHeat.Bench.Heating;

return BenchProgram.Run(args, Console.Out, Console.Error);
