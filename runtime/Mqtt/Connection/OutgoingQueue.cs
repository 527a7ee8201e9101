using System.Threading.Channels;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// The bounded outgoing queue between publishers and the writer loop. Enqueueing never waits: when the queue is
/// full the oldest message is dropped, counted, and its delivery task faulted with <see cref="MqttMessageDroppedException"/>.
/// Single reader (the writer loop), which can push one message back when a connection breaks while holding it.
/// </summary>
internal sealed class OutgoingQueue
{
    private readonly Channel<OutgoingPublish> _channel;
    private OutgoingPublish? _carried;
    private long _droppedTotal;
    private long _droppedUnreported;

    public OutgoingQueue(int capacity)
    {
        Capacity = capacity;
        _channel = Channel.CreateBounded<OutgoingPublish>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
                // The idle writer loop resumes on the publishing thread: one thread hop less from an app's decision to
                // the socket (it matters for the leak → valve latency). The writer only encodes and hands bytes to the
                // socket, and returns to the publisher at the first write that cannot complete at once.
                AllowSynchronousContinuations = true,
            },
            OnDropped);
    }

    /// <summary>The bound.</summary>
    public int Capacity { get; }

    /// <summary>Messages waiting to be sent.</summary>
    public int Count => _channel.Reader.Count + (_carried is null ? 0 : 1);

    /// <summary>Messages dropped since the client was created.</summary>
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>Queues <paramref name="message"/>; false only once the queue is closed.</summary>
    public bool Enqueue(in OutgoingPublish message) => _channel.Writer.TryWrite(message);

    /// <summary>Waits until a message is available; false once the queue is closed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) =>
        _carried is not null ? ValueTask.FromResult(true) : _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the next message, if any.</summary>
    public bool TryRead(out OutgoingPublish message)
    {
        if (_carried is { } carried)
        {
            _carried = null;
            message = carried;
            return true;
        }

        return _channel.Reader.TryRead(out message);
    }

    /// <summary>Puts back a message taken but not sent; it comes out first next time.</summary>
    public void PushBack(in OutgoingPublish message) => _carried = message;

    /// <summary>Whether messages were dropped since the last <see cref="TakeUnreportedDrops"/>.</summary>
    public bool HasUnreportedDrops => Interlocked.Read(ref _droppedUnreported) > 0;

    /// <summary>Returns the drops not reported yet and resets that count.</summary>
    public long TakeUnreportedDrops() => Interlocked.Exchange(ref _droppedUnreported, 0);

    /// <summary>Closes the queue and faults every waiting QoS 1 delivery with <paramref name="reason"/>.</summary>
    public void Close(Exception reason)
    {
        _channel.Writer.TryComplete();
        while (TryRead(out var message))
        {
            message.Delivery?.TrySetException(reason);
        }
    }

    private void OnDropped(OutgoingPublish message)
    {
        Interlocked.Increment(ref _droppedTotal);
        Interlocked.Increment(ref _droppedUnreported);
        message.Delivery?.TrySetException(new MqttMessageDroppedException(
            $"The message to '{message.Topic}' was dropped: the outgoing queue was full ({Capacity} messages)."));
    }
}
