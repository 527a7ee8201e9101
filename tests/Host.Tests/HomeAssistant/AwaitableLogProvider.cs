using Microsoft.Extensions.Logging;
using ProofOfHeat.TestKit.Logging;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Captures every log line (Trace included) where tests can await them.</summary>
internal sealed class AwaitableLogProvider : ILoggerProvider
{
    public AwaitableList<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    /// <summary>Everything logged so far, one line each, for assertion messages.</summary>
    public string Dump() => string.Join('\n', Lines.Items.Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.Message}"));

    private sealed class Logger(string category, AwaitableList<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
