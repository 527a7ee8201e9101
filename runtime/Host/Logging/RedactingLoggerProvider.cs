using System.Collections.Concurrent;

namespace ProofOfHeat.Host.Logging;

/// <summary>Wraps the console logger provider so that every entry goes through the <see cref="SecretRedactor"/>.</summary>
internal sealed class RedactingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ILoggerProvider _inner;
    private readonly SecretRedactor _redactor;
    private readonly ConcurrentDictionary<string, RedactingLogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor)
    {
        _inner = inner;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => new RedactingLogger(_inner.CreateLogger(name), _redactor));

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
