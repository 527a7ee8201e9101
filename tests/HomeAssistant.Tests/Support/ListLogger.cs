using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>Captures every log line (all levels, Trace included) so tests can check content and secrets.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception) + (exception is null ? string.Empty : " | " + exception);
        _entries.Enqueue((logLevel, text));
    }
}
