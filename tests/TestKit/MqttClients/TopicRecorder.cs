using System.Collections.Concurrent;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.TestKit.MqttClients;

/// <summary>A subscription handler that records every message and lets a test await one that matches.</summary>
public sealed class TopicRecorder
{
    private readonly object _gate = new();
    private readonly List<(Func<MqttApplicationMessage, bool> Match, TaskCompletionSource<MqttApplicationMessage> Done)> _waiters = [];

    public ConcurrentQueue<MqttApplicationMessage> All { get; } = new();

    public ValueTask HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            All.Enqueue(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
            {
                waiter.Done.TrySetResult(message);
                _waiters.Remove(waiter);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The first message (already received or still to come) that matches.</summary>
    public Task<MqttApplicationMessage> WaitForAsync(Func<MqttApplicationMessage, bool> match, string what)
    {
        var done = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (All.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((match, done));
        }

        return Timeout(done.Task, what);
    }

    /// <summary>The first message received after <paramref name="after"/> that matches.</summary>
    public Task<MqttApplicationMessage> WaitForAfterAsync(MqttApplicationMessage after, Func<MqttApplicationMessage, bool> match, string what)
    {
        var done = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (All.SkipWhile(m => !ReferenceEquals(m, after)).Skip(1).FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((match, done));
        }

        return Timeout(done.Task, what);
    }

    /// <summary>The first message after now (received ones are ignored) that matches.</summary>
    public Task<MqttApplicationMessage> WaitForNextAsync(Func<MqttApplicationMessage, bool> match, string what)
    {
        var done = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, done));
        }

        return Timeout(done.Task, what);
    }

    private async Task<MqttApplicationMessage> Timeout(Task<MqttApplicationMessage> task, string what)
    {
        try
        {
            return await task.WaitAsync(BrokerTimeouts.Safety);
        }
        catch (TimeoutException ex)
        {
            var seen = string.Join("\n", All.Select(m => $"{m.Topic} (retain {m.Retain}): {m.PayloadAsString()}"));
            throw new TimeoutException($"No message for: {what}. Seen:\n{seen}", ex);
        }
    }
}
