namespace ProofOfHeat.Drivers.Miners;

/// <summary>The miner is busy with another client (a LuxOS session held elsewhere, a Whatsminer write in progress).</summary>
public sealed class MinerBusyException(string message, Exception? innerException = null)
    : MinerException(message, innerException);
