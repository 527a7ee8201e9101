namespace ProofOfHeat.Telemetry.Sinks;

/// <summary>A sink refused or failed a batch; <see cref="IsRetriable"/> says whether offering it again can help.</summary>
public sealed class TelemetrySinkException : Exception
{
    /// <summary>Creates the error.</summary>
    public TelemetrySinkException(string message, bool isRetriable, Exception? innerException = null)
        : base(message, innerException)
    {
        IsRetriable = isRetriable;
    }

    /// <summary>An empty error (for serialisers and analyzers); retriable.</summary>
    public TelemetrySinkException() : this("telemetry sink failed", isRetriable: true) { }

    /// <summary>A retriable error with a message.</summary>
    public TelemetrySinkException(string message) : this(message, isRetriable: true) { }

    /// <summary>A retriable error with a message and its cause.</summary>
    public TelemetrySinkException(string message, Exception innerException) : this(message, isRetriable: true, innerException) { }

    /// <summary>True when the sink is down or busy and the same batch may succeed later; false for a batch it will never take.</summary>
    public bool IsRetriable { get; }
}
