namespace ProofOfHeat.Host.Configuration;

/// <summary>The configuration cannot be used; <see cref="Errors"/> lists every problem found.</summary>
internal sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
