using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ProofOfHeat.Host.Tests.Logging;

/// <summary>
/// Runs a console formatter synchronously into a string, as the console logger does on its queue: the same
/// <see cref="LogEntry{TState}"/>, without the process's console (which tests running in parallel share).
/// </summary>
internal sealed class FormattingLoggerProvider(ConsoleFormatter formatter) : ILoggerProvider
{
    private readonly StringWriter _output = new();

    /// <summary>Everything written so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new FormattingLogger(categoryName, this);

    public void Dispose() => _output.Dispose();

    private sealed class FormattingLogger(string category, FormattingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._output)
            {
                owner.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
            }
        }
    }

    private void Write<TState>(in LogEntry<TState> entry) => formatter.Write(entry, scopeProvider: null, _output);
}
