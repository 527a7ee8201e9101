namespace ProofOfHeat.Host.Logging;

/// <summary>Passes log entries on to the console logger after applying the <see cref="SecretRedactor"/>.</summary>
internal sealed class RedactingLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly SecretRedactor _redactor;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public RedactingLogger(ILogger inner, SecretRedactor redactor)
    {
        _inner = inner;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = new RedactedState(state, formatter(state, exception), _redactor);
        var safeException = exception is null ? null : RedactedException.Of(exception, _redactor);
        _inner.Log(logLevel, eventId, redacted, safeException, static (s, _) => s.ToString());
    }
}
