using ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>A call to the OpenTherm Gateway failed; <see cref="Failure"/> says why.</summary>
public sealed class OtgwException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OtgwException(OtgwFailure failure, string message, OtgwErrorCode? error = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Error = error;
    }

    /// <summary>Creates an exception without a reason (for serializers); prefer the other constructor.</summary>
    public OtgwException()
        : this(OtgwFailure.ConnectionLost, "The gateway call failed.")
    {
    }

    /// <summary>Creates an exception without a reason (for serializers); prefer the other constructor.</summary>
    public OtgwException(string message)
        : this(OtgwFailure.ConnectionLost, message)
    {
    }

    /// <summary>Creates an exception without a reason (for serializers); prefer the other constructor.</summary>
    public OtgwException(string message, Exception innerException)
        : this(OtgwFailure.ConnectionLost, message, null, innerException)
    {
    }

    /// <summary>Why the call failed.</summary>
    public OtgwFailure Failure { get; }

    /// <summary>The gateway's error reply when <see cref="Failure"/> is <see cref="OtgwFailure.Rejected"/>.</summary>
    public OtgwErrorCode? Error { get; }
}
