using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Mqtt.Tests.Support;

/// <summary>Keeps the client's log lines so a test can assert on them, or await one (with a safety timeout).</summary>
internal sealed class RecordingLogger : ILogger<MqttClient>
{
    private readonly ConcurrentQueue<(EventId EventId, LogLevel Level, string Message)> _lines = new();
    private readonly List<(Func<EventId, string, bool> Predicate, TaskCompletionSource<string> Completion)> _waiters = [];

    public IReadOnlyList<(EventId EventId, LogLevel Level, string Message)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        _lines.Enqueue((eventId, logLevel, message));
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Predicate(eventId, message)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Completion.TrySetResult(message);
            }
        }
    }

    /// <summary>Completes with the first line (logged before or after this call) with event id <paramref name="eventId"/>.</summary>
    public Task<string> WaitForAsync(int eventId) => WaitForAsync((id, _) => id.Id == eventId);

    /// <summary>Completes with the first line (logged before or after this call) that <paramref name="predicate"/> accepts.</summary>
    public Task<string> WaitForAsync(Func<EventId, string, bool> predicate)
    {
        var completion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            foreach (var line in _lines)
            {
                if (predicate(line.EventId, line.Message))
                {
                    completion.TrySetResult(line.Message);
                    return completion.Task.WaitAsync(TestDefaults.SafetyTimeout);
                }
            }

            _waiters.Add((predicate, completion));
        }

        return completion.Task.WaitAsync(TestDefaults.SafetyTimeout);
    }
}
