namespace ProofOfHeat.Host.Logging;

/// <summary>
/// Stands in for a logged exception so that its text is written redacted. An expected network fault
/// (<see cref="ExpectedFaults"/>) is written as its type and message only, in every log format.
/// </summary>
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

    private RedactedException(string message, string text, bool isExpectedFault)
        : base(message)
    {
        _text = text;
        IsExpectedFault = isExpectedFault;
    }

    /// <summary>Whether the original was an ordinary network fault, written without its stack trace.</summary>
    public bool IsExpectedFault { get; }

    /// <summary>The redacted stand-in for <paramref name="exception"/>.</summary>
    public static RedactedException Of(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);
        var message = redactor.Redact(exception.Message);
        return ExpectedFaults.IsExpected(exception)
            ? new RedactedException(message, $"{exception.GetType().Name}: {message}", isExpectedFault: true)
            : new RedactedException(message, redactor.Redact(exception.ToString()), isExpectedFault: false);
    }

    /// <summary>The redacted text of the original exception: its stack included unless it is an expected fault.</summary>
    public override string ToString() => _text;
}
