namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>Where a started Whatsminer simulator listens.</summary>
/// <param name="Host">The loopback address.</param>
/// <param name="RpcPort">The API v2 / cgminer-style port (4028 on a real miner).</param>
/// <param name="V3Port">The API v3 port (4433 on a real miner), or null when the firmware has no v3 API.</param>
/// <param name="HttpPort">The web UI port (80 on a real miner).</param>
public sealed record WhatsminerSimulatorEndpoint(string Host, int RpcPort, int? V3Port, int HttpPort);
