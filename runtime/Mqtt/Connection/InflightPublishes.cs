namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// QoS 1 messages sent and not yet acknowledged, by packet identifier, in send order. A window semaphore bounds how
/// many may be in flight. They survive a broken connection and are sent again, with DUP set, after the reconnect.
/// </summary>
internal sealed class InflightPublishes(int window, PacketIdentifierPool identifiers) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<ushort, (OutgoingPublish Message, long Sequence)> _entries = [];
    private readonly SemaphoreSlim _window = new(window, window);
    private long _sequence;

    /// <summary>How many messages await their PUBACK.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Takes a window slot if one is free right now.</summary>
    public bool TryTakeSlot() => _window.Wait(0);

    /// <summary>Waits for a window slot.</summary>
    public Task TakeSlotAsync(CancellationToken cancellationToken) => _window.WaitAsync(cancellationToken);

    /// <summary>Records a message about to be sent (its slot already taken) and returns its packet identifier.</summary>
    public ushort Add(in OutgoingPublish message)
    {
        var identifier = identifiers.Allocate();
        lock (_gate)
        {
            _entries[identifier] = (message, ++_sequence);
        }

        return identifier;
    }

    /// <summary>Completes the message acknowledged by PUBACK <paramref name="identifier"/>; false if unknown.</summary>
    public bool Acknowledge(ushort identifier)
    {
        OutgoingPublish message;
        lock (_gate)
        {
            if (!_entries.Remove(identifier, out var entry))
            {
                return false;
            }

            message = entry.Message;
        }

        identifiers.Release(identifier);
        _window.Release();
        message.Delivery?.TrySetResult();
        return true;
    }

    /// <summary>The unacknowledged messages in the order they were first sent.</summary>
    public List<(ushort Identifier, OutgoingPublish Message)> Snapshot()
    {
        lock (_gate)
        {
            return _entries
                .OrderBy(e => e.Value.Sequence)
                .Select(e => (e.Key, e.Value.Message))
                .ToList();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _window.Dispose();

    /// <summary>Faults every unacknowledged delivery with <paramref name="reason"/> and empties the map.</summary>
    public void FailAll(Exception reason)
    {
        List<(ushort, OutgoingPublish)> entries;
        lock (_gate)
        {
            entries = _entries.Select(e => (e.Key, e.Value.Message)).ToList();
            _entries.Clear();
        }

        foreach (var (identifier, message) in entries)
        {
            identifiers.Release(identifier);
            _window.Release();
            message.Delivery?.TrySetException(reason);
        }
    }
}
