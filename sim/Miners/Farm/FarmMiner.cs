namespace ProofOfHeat.Sim.Miners;

/// <summary>A simulated miner started by <see cref="MinerFarm"/>: where it listens and its hardware.</summary>
/// <param name="Family">The firmware family id (the driver family that speaks its protocol).</param>
/// <param name="Host">Its address (loopback).</param>
/// <param name="HttpPort">Its web / REST port (every family serves one: detection reads the web root).</param>
/// <param name="RpcPort">Its cgminer-style RPC port, or null when the family has none.</param>
/// <param name="V3Port">Its Whatsminer API v3 port, or null.</param>
/// <param name="Hardware">The physical miner behind the protocol (its power is the heat it gives).</param>
/// <param name="Faults">Its switchable misbehaviour.</param>
/// <param name="Simulator">The protocol front-end (disposed with the farm).</param>
public sealed record FarmMiner(
    string Family, string Host, int HttpPort, int? RpcPort, int? V3Port, MinerHardware Hardware, MinerFaults Faults, IAsyncDisposable Simulator);
