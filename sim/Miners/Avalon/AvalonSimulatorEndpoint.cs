namespace ProofOfHeat.Sim.Miners.Avalon;

/// <summary>Where a started Avalon simulator listens.</summary>
/// <param name="Host">The loopback address.</param>
/// <param name="RpcPort">The cgminer RPC port (4028 on a real miner).</param>
/// <param name="HttpPort">The web port (80 on a real miner).</param>
public sealed record AvalonSimulatorEndpoint(string Host, int RpcPort, int HttpPort);
