namespace ProofOfHeat.Drivers.Miners;

/// <summary>The miner answered with something its protocol does not allow (garbage, a cut reply, an error status).</summary>
public sealed class MinerProtocolException(string message, Exception? innerException = null)
    : MinerException(message, innerException);
