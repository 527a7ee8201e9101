namespace ProofOfHeat.Drivers.Miners;

/// <summary>The miner cannot do what was asked (e.g. a watt target on a miner with only modes and no such mode).</summary>
public sealed class MinerUnsupportedException(string message) : MinerException(message);
