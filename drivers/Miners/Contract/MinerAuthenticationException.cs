namespace ProofOfHeat.Drivers.Miners;

/// <summary>The miner refused the credentials (never retried: a wrong password stays wrong).</summary>
public sealed class MinerAuthenticationException(string message, Exception? innerException = null)
    : MinerException(message, innerException);
