namespace ProofOfHeat.Host.Logging;

/// <summary>Stands in for a logged exception so that its text (message and stack) is written redacted.</summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    /// <summary>Wraps the redacted text of an exception.</summary>
    public RedactedException(string text)
        : base(text) => _text = text;

    /// <summary>Creates an empty one (required by the exception pattern).</summary>
    public RedactedException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates one with an inner exception (required by the exception pattern).</summary>
    public RedactedException(string message, Exception innerException)
        : base(message, innerException) => _text = message;

    /// <summary>The redacted text of the original exception, stack included.</summary>
    public override string ToString() => _text;
}
