namespace ProofOfHeat.Sim.Miners.Braiins;

/// <summary>Where a started Braiins OS simulator listens.</summary>
/// <param name="Host">The loopback address.</param>
/// <param name="HttpPort">The web and REST port (80 on a real miner).</param>
public sealed record BraiinsSimulatorEndpoint(string Host, int HttpPort);
