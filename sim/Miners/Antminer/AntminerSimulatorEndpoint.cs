namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>Where a started stock-Antminer simulator listens.</summary>
/// <param name="Host">The loopback address.</param>
/// <param name="RpcPort">The bmminer RPC port (4028 on a real miner).</param>
/// <param name="HttpPort">The web port (80 on a real miner).</param>
public sealed record AntminerSimulatorEndpoint(string Host, int RpcPort, int HttpPort);
