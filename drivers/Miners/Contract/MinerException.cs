namespace ProofOfHeat.Drivers.Miners;

/// <summary>A miner could not be read or commanded. Subclasses say why.</summary>
public class MinerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MinerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
