using System.Buffers;
using System.Text;
using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>Cuts whole packets out of a received byte stream: fixed header byte, Remaining Length, then the body.</summary>
internal static class MqttPacketFramer
{
    /// <summary>
    /// Tries to take one packet from the front of <paramref name="buffer"/>. On success <paramref name="buffer"/> is
    /// advanced past it. Returns false when the packet is not complete yet. Throws <see cref="MqttProtocolException"/>
    /// for a reserved type or flags, a malformed or impossible Remaining Length, or a packet larger than
    /// <paramref name="maximumPacketSize"/>.
    /// </summary>
    public static bool TryReadPacket(
        ref ReadOnlySequence<byte> buffer,
        int maximumPacketSize,
        out byte fixedHeader,
        out ReadOnlySequence<byte> body)
    {
        body = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!TryReadHeader(ref reader, out fixedHeader, out var remainingLength))
        {
            return false;
        }

        if (remainingLength > maximumPacketSize)
        {
            throw new MqttProtocolException(
                $"Packet of {remainingLength} bytes exceeds the maximum packet size of {maximumPacketSize} bytes.");
        }

        return TryTakeBody(ref buffer, ref reader, remainingLength, out body);
    }

    /// <summary>
    /// Like <see cref="TryReadPacket"/>, but a packet larger than <paramref name="maximumPacketSize"/> is not an error:
    /// once its head is in (for a PUBLISH the topic and packet identifier, at most 65,539 bytes) it is returned in
    /// <paramref name="oversized"/> with <paramref name="buffer"/> advanced past that head; the caller discards the
    /// remaining <see cref="MqttOversizedPacket.BytesToSkip"/> bytes as they arrive, without buffering them.
    /// </summary>
    public static bool TryReadPacketOrOversized(
        ref ReadOnlySequence<byte> buffer,
        int maximumPacketSize,
        out byte fixedHeader,
        out ReadOnlySequence<byte> body,
        out MqttOversizedPacket? oversized)
    {
        body = default;
        oversized = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!TryReadHeader(ref reader, out fixedHeader, out var remainingLength))
        {
            return false;
        }

        if (remainingLength <= maximumPacketSize)
        {
            return TryTakeBody(ref buffer, ref reader, remainingLength, out body);
        }

        if (!TryReadOversizedHead(ref reader, fixedHeader, remainingLength, out var head))
        {
            return false;
        }

        oversized = head;
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private static bool TryReadHeader(ref SequenceReader<byte> reader, out byte fixedHeader, out int remainingLength)
    {
        remainingLength = 0;
        if (!reader.TryRead(out fixedHeader))
        {
            return false;
        }

        // Checked before waiting for more bytes: a bad first byte must not leave the reader waiting for a body.
        if (MqttFixedHeader.DescribeFirstByteProblem(fixedHeader) is { } headerProblem)
        {
            throw new MqttProtocolException(headerProblem);
        }

        if (!MqttRemainingLength.TryRead(ref reader, out remainingLength))
        {
            return false;
        }

        if (MqttFixedHeader.DescribeLengthProblem(fixedHeader, remainingLength) is { } lengthProblem)
        {
            throw new MqttProtocolException(lengthProblem);
        }

        return true;
    }

    private static bool TryTakeBody(
        ref ReadOnlySequence<byte> buffer, ref SequenceReader<byte> reader, int remainingLength, out ReadOnlySequence<byte> body)
    {
        body = default;
        if (reader.Remaining < remainingLength)
        {
            return false;
        }

        body = buffer.Slice(reader.Position, remainingLength);
        buffer = buffer.Slice(body.End);
        return true;
    }

    /// <summary>
    /// Reads the variable header of an oversized PUBLISH — MQTT 3.1.1 §3.3.2: a 2-byte length, the topic name, then
    /// a 2-byte packet identifier only when QoS (fixed header bits 1–2, §3.3.1.2) is above 0. Other packet types have
    /// no head worth reading: the whole body is skipped.
    /// https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html
    /// </summary>
    private static bool TryReadOversizedHead(
        ref SequenceReader<byte> reader, byte fixedHeader, int remainingLength, out MqttOversizedPacket head)
    {
        head = new MqttOversizedPacket(fixedHeader, remainingLength, remainingLength, null, 0);
        if (fixedHeader >> 4 != (int)MqttControlPacketType.Publish)
        {
            return true;
        }

        var start = reader.Consumed;
        if (!reader.TryReadBigEndian(out short rawTopicLength))
        {
            return false;
        }

        var topicLength = (ushort)rawTopicLength;
        var hasIdentifier = ((fixedHeader >> 1) & 0b11) != 0;
        var headLength = 2 + topicLength + (hasIdentifier ? 2 : 0);
        if (headLength > remainingLength)
        {
            throw new MqttProtocolException($"PUBLISH of {remainingLength} bytes announces a {topicLength}-byte topic.");
        }

        if (reader.Remaining < headLength - 2)
        {
            return false;
        }

        var topic = ReadTopic(ref reader, topicLength);
        ushort identifier = 0;
        if (hasIdentifier)
        {
            reader.TryReadBigEndian(out short rawIdentifier);
            identifier = (ushort)rawIdentifier;
        }

        head = head with { BytesToSkip = remainingLength - (reader.Consumed - start), Topic = topic, PacketIdentifier = identifier };
        return true;
    }

    private static string ReadTopic(ref SequenceReader<byte> reader, int length)
    {
        var topic = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);

        // Only for a log line: invalid UTF-8 becomes U+FFFD instead of an error.
        return Encoding.UTF8.GetString(topic);
    }
}
