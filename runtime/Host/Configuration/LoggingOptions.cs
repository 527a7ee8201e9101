namespace ProofOfHeat.Host.Configuration;

/// <summary>Logging (<c>logging:</c>).</summary>
internal sealed class LoggingOptions
{
    /// <summary>The lowest level written: trace, debug, information, warning, error, critical or none.</summary>
    /// <value>Default: information (warning in <c>demo</c>, whose table is on stdout).</value>
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>The line format.</summary>
    /// <value>Default: json.</value>
    public LogFormat Format { get; set; } = LogFormat.Json;
}
