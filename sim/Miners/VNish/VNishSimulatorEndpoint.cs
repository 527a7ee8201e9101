namespace ProofOfHeat.Sim.Miners.VNish;

/// <summary>Where a started VNish simulator listens.</summary>
/// <param name="Host">The loopback address.</param>
/// <param name="HttpPort">The web and REST port (80 on a real miner).</param>
public sealed record VNishSimulatorEndpoint(string Host, int HttpPort);
