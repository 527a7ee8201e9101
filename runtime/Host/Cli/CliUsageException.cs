namespace ProofOfHeat.Host.Cli;

/// <summary>The command line is wrong; the message says what, in one line.</summary>
internal sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliUsageException(string message, string? verb = null)
        : base(message) => Verb = verb;

    /// <summary>Creates an empty one (required by the exception pattern).</summary>
    public CliUsageException()
    {
    }

    /// <summary>Creates one with an inner exception (required by the exception pattern).</summary>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The verb whose usage should be shown, or null for the general usage.</summary>
    public string? Verb { get; }
}
