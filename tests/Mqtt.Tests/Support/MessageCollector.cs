using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ProofOfHeat.Mqtt.Tests.Support;

/// <summary>A subscription handler that records messages and lets a test await them (with a safety timeout).</summary>
internal sealed class MessageCollector
{
    private readonly Channel<MqttApplicationMessage> _channel = Channel.CreateUnbounded<MqttApplicationMessage>();

    public ConcurrentQueue<MqttApplicationMessage> All { get; } = new();

    public ValueTask HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        All.Enqueue(message);
        _channel.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    public async Task<MqttApplicationMessage> NextAsync(TimeSpan? timeout = null) =>
        await _channel.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TestDefaults.SafetyTimeout);

    public async Task<List<MqttApplicationMessage>> TakeAsync(int count, TimeSpan? timeout = null)
    {
        var result = new List<MqttApplicationMessage>(count);
        using var cts = new CancellationTokenSource(timeout ?? TestDefaults.SafetyTimeout);
        try
        {
            while (result.Count < count)
            {
                result.Add(await _channel.Reader.ReadAsync(cts.Token));
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Received {result.Count} of {count} messages before the safety timeout.");
        }

        return result;
    }
}
