namespace ProofOfHeat.Drivers.Miners;

/// <summary>A command could not reach the miner (refused, timed out) within the retries.</summary>
public sealed class MinerUnreachableException(string message, Exception? innerException = null)
    : MinerException(message, innerException);
