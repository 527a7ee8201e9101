using System.Collections.Concurrent;

namespace ProofOfHeat.Host.Logging;

/// <summary>
/// Wraps the console logger provider so that every entry goes through the <see cref="SecretRedactor"/>,
/// and ASP.NET Core's per-request lines drop to Debug (<see cref="HttpFrameworkLogger"/>).
/// </summary>
internal sealed class RedactingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ILoggerProvider _inner;
    private readonly SecretRedactor _redactor;
    private readonly LogLevel _minimum;
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="minimum"/> is the configured level (for the demoted HTTP lines).</summary>
    public RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor, LogLevel minimum = LogLevel.Information)
    {
        _inner = inner;
        _redactor = redactor;
        _minimum = minimum;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name =>
        {
            var redacting = new RedactingLogger(_inner.CreateLogger(name), _redactor);
            return LogSource.IsHttpFramework(name) ? new HttpFrameworkLogger(redacting, _minimum) : redacting;
        });

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (_inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
