using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.TestKit.Logging;

/// <summary>Keeps every log line so tests can assert what was logged (and that no error was).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Everything logged so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Lines at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<LogLine> AtLeast(LogLevel level) => [.. _lines.Where(l => l.Level >= level)];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>A logger factory that writes only here.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
