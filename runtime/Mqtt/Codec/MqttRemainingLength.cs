using System.Buffers;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>
/// The Remaining Length of the fixed header (MQTT 3.1.1 §2.2.3): a variable length integer of one to four bytes,
/// seven bits per byte, least significant group first, the top bit meaning "more bytes follow".
/// </summary>
internal static class MqttRemainingLength
{
    /// <summary>The largest value four bytes can carry (0xFF 0xFF 0xFF 0x7F).</summary>
    public const int MaxValue = 268_435_455;

    /// <summary>The number of bytes <paramref name="value"/> takes on the wire.</summary>
    public static int GetEncodedSize(int value) => value switch
    {
        < 0 or > MaxValue => throw new ArgumentOutOfRangeException(nameof(value), value, "Remaining Length must be 0..268435455."),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        var size = GetEncodedSize(value);
        var index = 0;
        do
        {
            var encodedByte = (byte)(value % 128);
            value /= 128;
            if (value > 0)
            {
                encodedByte |= 0x80;
            }

            destination[index++] = encodedByte;
        }
        while (value > 0);

        return size;
    }

    /// <summary>
    /// Reads a Remaining Length from <paramref name="reader"/>. Returns false when more bytes are needed (the reader
    /// may then be partly advanced); throws <see cref="MqttProtocolException"/> when a fifth byte would be needed.
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out int value)
    {
        value = 0;
        var multiplier = 1;
        for (var index = 0; index < 4; index++)
        {
            if (!reader.TryRead(out var encodedByte))
            {
                return false;
            }

            value += (encodedByte & 0x7F) * multiplier;
            if ((encodedByte & 0x80) == 0)
            {
                return true;
            }

            multiplier *= 128;
        }

        throw new MqttProtocolException("Malformed Remaining Length: the continuation bit is set on the fourth byte.");
    }

    /// <summary>Reads a Remaining Length from the start of <paramref name="source"/> (see <see cref="TryRead(ref SequenceReader{byte}, out int)"/>).</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int bytesConsumed)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(source.ToArray()));
        var complete = TryRead(ref reader, out value);
        bytesConsumed = (int)reader.Consumed;
        return complete;
    }
}
