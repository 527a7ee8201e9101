namespace ProofOfHeat.Host.Configuration;

/// <summary>Logging (<c>logging:</c>).</summary>
internal sealed class LoggingOptions
{
    /// <summary>The lowest level written: trace, debug, information, warning, error, critical or none.</summary>
    /// <value>Default: information (warning in <c>demo</c>, whose table is on stdout).</value>
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>The line format: console (one readable line per entry) or json (one object per line, for log shippers).</summary>
    /// <value>Default: console. The <c>--log-format</c> flag of <c>run</c> and <c>demo</c> overrides it.</value>
    public LogFormat Format { get; set; } = LogFormat.Console;
}
