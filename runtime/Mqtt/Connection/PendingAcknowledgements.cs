using System.Collections.Concurrent;
using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>Matches SUBACK and UNSUBACK to the SUBSCRIBE or UNSUBSCRIBE that carried the same packet identifier.</summary>
internal sealed class PendingAcknowledgements
{
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<MqttPacket>> _pending = new();

    /// <summary>Registers a request; the task completes with its acknowledgement.</summary>
    public Task<MqttPacket> Register(ushort identifier)
    {
        var completion = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[identifier] = completion;
        return completion.Task;
    }

    /// <summary>Forgets a request (after it completed, failed or timed out).</summary>
    public void Remove(ushort identifier) => _pending.TryRemove(identifier, out _);

    /// <summary>Delivers an acknowledgement; false when nothing waits for that identifier.</summary>
    public bool Complete(ushort identifier, MqttPacket acknowledgement) =>
        _pending.TryRemove(identifier, out var completion) && completion.TrySetResult(acknowledgement);

    /// <summary>Fails every waiting request, e.g. when the connection broke.</summary>
    public void FailAll(Exception reason)
    {
        foreach (var identifier in _pending.Keys)
        {
            if (_pending.TryRemove(identifier, out var completion))
            {
                completion.TrySetException(reason);
            }
        }
    }
}
