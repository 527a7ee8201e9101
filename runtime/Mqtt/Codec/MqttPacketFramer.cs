using System.Buffers;

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
        if (!reader.TryRead(out fixedHeader))
        {
            return false;
        }

        // Checked before waiting for more bytes: a bad first byte must not leave the reader waiting for a body.
        if (MqttFixedHeader.DescribeFirstByteProblem(fixedHeader) is { } headerProblem)
        {
            throw new MqttProtocolException(headerProblem);
        }

        if (!MqttRemainingLength.TryRead(ref reader, out var remainingLength))
        {
            return false;
        }

        if (MqttFixedHeader.DescribeLengthProblem(fixedHeader, remainingLength) is { } lengthProblem)
        {
            throw new MqttProtocolException(lengthProblem);
        }

        if (remainingLength > maximumPacketSize)
        {
            throw new MqttProtocolException(
                $"Packet of {remainingLength} bytes exceeds the maximum packet size of {maximumPacketSize} bytes.");
        }

        if (reader.Remaining < remainingLength)
        {
            return false;
        }

        body = buffer.Slice(reader.Position, remainingLength);
        buffer = buffer.Slice(body.End);
        return true;
    }
}
