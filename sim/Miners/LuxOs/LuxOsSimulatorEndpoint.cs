namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>Where a started LuxOS simulator listens.</summary>
/// <param name="Host">The loopback address.</param>
/// <param name="RpcPort">The cgminer-style RPC port (4028 on a real miner).</param>
/// <param name="HttpPort">The web UI port (80 on a real miner).</param>
public sealed record LuxOsSimulatorEndpoint(string Host, int RpcPort, int HttpPort);
