namespace ProofOfHeat.Telemetry.Store;

/// <summary>The embedded telemetry store failed (the disk, the file, SQLite).</summary>
public sealed class TelemetryStoreException : Exception
{
    /// <summary>Creates the error.</summary>
    public TelemetryStoreException()
    {
    }

    /// <summary>Creates the error with <paramref name="message"/>.</summary>
    public TelemetryStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with <paramref name="message"/> and its cause.</summary>
    public TelemetryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
