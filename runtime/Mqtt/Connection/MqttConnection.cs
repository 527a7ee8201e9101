using System.Buffers;
using ProofOfHeat.Mqtt.Codec;
using ProofOfHeat.Mqtt.Packets;
using ProofOfHeat.Mqtt.Transport;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// One live network connection speaking MQTT: frames and decodes what arrives, serializes what is sent under a send
/// lock, and remembers when traffic last moved in each direction (for keep-alive). Broken once, never reused.
/// Publishes are encoded into one batch buffer and written with one write.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private const int BatchBytes = 64 * 1024;
    private readonly ArrayBufferWriter<byte> _batch = new(BatchBytes + 4096);
    private readonly MqttTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxPacketSize;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _controlBuffer = new(256);
    private long _lastSent;
    private long _lastReceived;
    private long _bytesToSkip;

    public MqttConnection(MqttTransport transport, TimeProvider timeProvider, int maxPacketSize)
    {
        _transport = transport;
        _timeProvider = timeProvider;
        _maxPacketSize = maxPacketSize;
        _lastSent = _lastReceived = timeProvider.GetTimestamp();
    }

    /// <summary>Whether the publishes appended since the last flush are enough to flush now.</summary>
    public bool IsBatchFull => _batch.WrittenCount >= BatchBytes;

    /// <summary>Opens the transport (TCP, TLS when configured) and wraps it; nothing MQTT is sent yet.</summary>
    public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var transport = await MqttTransport.ConnectAsync(options, cancellationToken);
        return new MqttConnection(transport, timeProvider, options.MaxIncomingPacketSize);
    }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last completed write.</summary>
    public long LastSentTimestamp => Interlocked.Read(ref _lastSent);

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last bytes received.</summary>
    public long LastReceivedTimestamp => Interlocked.Read(ref _lastReceived);

    /// <summary>Whether <see cref="Abort"/> or dispose has run.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Encodes and sends one control packet.</summary>
    public async Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            _controlBuffer.ResetWrittenCount();
            MqttPacketEncoder.Encode(packet, _controlBuffer);
            await _transport.WriteAsync(_controlBuffer.WrittenMemory, cancellationToken);
            Interlocked.Exchange(ref _lastSent, _timeProvider.GetTimestamp());
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a PUBACK without allocating a packet object.</summary>
    public async Task SendPubAckAsync(ushort packetIdentifier, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            _controlBuffer.ResetWrittenCount();
            MqttPacketEncoder.EncodeIdentifierOnly(_controlBuffer, MqttControlPacketType.PubAck, 0, packetIdentifier);
            await _transport.WriteAsync(_controlBuffer.WrittenMemory, cancellationToken);
            Interlocked.Exchange(ref _lastSent, _timeProvider.GetTimestamp());
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Encodes one PUBLISH into the pending batch (nothing is written until <see cref="FlushAsync"/>).</summary>
    public void AppendPublish(in OutgoingPublish message, bool duplicate, ushort packetIdentifier) =>
        MqttPacketEncoder.EncodePublish(
            _batch, message.Topic, message.Payload.Span, message.QualityOfService, message.Retain, duplicate, packetIdentifier);

    /// <summary>Sends the encoded batch with one write and one flush. Only the session's writer appends and flushes.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.WrittenCount == 0)
        {
            return;
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _transport.WriteAsync(_batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _lastSent, _timeProvider.GetTimestamp());
        }
        finally
        {
            _sendLock.Release();
            _batch.ResetWrittenCount();
        }
    }

    /// <summary>
    /// Waits for the next whole packet and decodes it. A packet above the size limit comes back as its head only
    /// (<see cref="MqttOversizedPacket"/>); the rest of its body is discarded as it arrives, never buffered.
    /// A closed connection is a <see cref="MqttCommunicationException"/>.
    /// </summary>
    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _transport.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (!buffer.IsEmpty)
            {
                Interlocked.Exchange(ref _lastReceived, _timeProvider.GetTimestamp());
            }

            MqttPacket? packet = null;
            try
            {
                if (_bytesToSkip > 0)
                {
                    var skipped = Math.Min(_bytesToSkip, buffer.Length);
                    buffer = buffer.Slice(skipped);
                    _bytesToSkip -= skipped;
                }

                if (_bytesToSkip == 0)
                {
                    packet = TryTakePacket(ref buffer);
                }
            }
            finally
            {
                // Consumed up to the end of the packet taken (if any) or of the bytes skipped; all present was examined.
                _transport.AdvanceTo(buffer.Start, packet is null ? buffer.End : buffer.Start);
            }

            if (packet is not null)
            {
                return packet;
            }

            if (result.IsCompleted)
            {
                throw new MqttCommunicationException(buffer.IsEmpty
                    ? "The broker closed the connection."
                    : $"The broker closed the connection in the middle of a packet ({buffer.Length} byte(s) pending).");
            }

            if (result.IsCanceled)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Closes the socket at once; pending reads and writes fail with <see cref="MqttCommunicationException"/>.</summary>
    public void Abort()
    {
        IsClosed = true;
        _transport.Abort();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        IsClosed = true;
        await _transport.DisposeAsync();

        // _sendLock is deliberately not disposed: a DISCONNECT or PUBACK racing this dispose may still release it,
        // and a SemaphoreSlim whose wait handle was never asked for holds nothing that needs disposing.
    }

    private MqttPacket? TryTakePacket(ref ReadOnlySequence<byte> buffer)
    {
        // Rejected on its first byte: a packet only clients send would otherwise be read to its (garbage) end.
        if (!buffer.IsEmpty && !MqttFixedHeader.MaySendToClient(buffer.FirstSpan[0]))
        {
            throw new MqttProtocolException($"The broker sent a packet of type {buffer.FirstSpan[0] >> 4}, which only clients send.");
        }

        if (!MqttPacketFramer.TryReadPacketOrOversized(ref buffer, _maxPacketSize, out var fixedHeader, out var body, out var oversized))
        {
            return null;
        }

        if (oversized is not null)
        {
            _bytesToSkip = oversized.BytesToSkip;
            return oversized;
        }

        return Decode(fixedHeader, body);
    }

    private static MqttPacket Decode(byte fixedHeader, ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return MqttPacketDecoder.Decode(fixedHeader, body.FirstSpan);
        }

        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return MqttPacketDecoder.Decode(fixedHeader, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
