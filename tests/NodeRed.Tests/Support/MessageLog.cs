using System.Collections.Concurrent;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>Every message a watching client received, in order, with waits for the ones a test expects.</summary>
internal sealed class MessageLog
{
    private readonly ConcurrentQueue<MqttApplicationMessage> _all = new();

    /// <summary>What was received so far.</summary>
    public IReadOnlyList<MqttApplicationMessage> All => [.. _all];

    /// <summary>The subscription handler.</summary>
    public ValueTask HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _all.Enqueue(message);
        return ValueTask.CompletedTask;
    }

    /// <summary>How many messages were received so far: pass it as <c>after</c> to wait only for later ones.</summary>
    public int Mark => _all.Count;

    /// <summary>The messages on <paramref name="topic"/>, in order.</summary>
    public IReadOnlyList<MqttApplicationMessage> On(string topic) => [.. _all.Where(m => m.Topic == topic)];

    /// <summary>The last payload on <paramref name="topic"/>, or null.</summary>
    public string? Last(string topic) => _all.LastOrDefault(m => m.Topic == topic)?.PayloadAsString();

    /// <summary>Waits until at least <paramref name="count"/> messages match.</summary>
    public async Task<IReadOnlyList<MqttApplicationMessage>> WaitForAsync(Func<MqttApplicationMessage, bool> match, string what, int count = 1, int after = 0)
    {
        try
        {
            await Eventually.UntilAsync(() => _all.Skip(after).Count(match) >= count, what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Seen:\n{string.Join("\n", _all.TakeLast(60).Select(m => $"{m.Topic}: {m.PayloadAsString()}"))}", ex);
        }

        return [.. _all.Skip(after).Where(match)];
    }
}
