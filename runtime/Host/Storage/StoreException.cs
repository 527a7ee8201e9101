namespace ProofOfHeat.Host.Storage;

/// <summary>The embedded store cannot be used (corrupt, locked, too new, unwritable); the message names the file.</summary>
internal sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
