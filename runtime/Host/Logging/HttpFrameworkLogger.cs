namespace ProofOfHeat.Host.Logging;

/// <summary>
/// ASP.NET Core's logger, one level quieter: it writes two or three Information lines per HTTP request
/// (request starting, endpoint executing, request finished), which drown the brain's own lines. They
/// are written at Debug, so <c>logging.level: debug</c> still shows them; warnings and errors stay.
/// </summary>
internal sealed class HttpFrameworkLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly LogLevel _minimum;

    /// <summary>Wraps <paramref name="inner"/>; entries below <paramref name="minimum"/> after demotion are dropped.</summary>
    public HttpFrameworkLogger(ILogger inner, LogLevel minimum)
    {
        _inner = inner;
        _minimum = minimum;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => Demote(logLevel) >= _minimum && _inner.IsEnabled(Demote(logLevel));

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _inner.Log(Demote(logLevel), eventId, state, exception, formatter);
        }
    }

    private static LogLevel Demote(LogLevel level) => level == LogLevel.Information ? LogLevel.Debug : level;
}
