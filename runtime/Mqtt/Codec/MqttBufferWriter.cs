using System.Buffers.Binary;
using System.Text;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>Writes the data representations of MQTT 3.1.1 §1.5 into a span sized by the encoder beforehand.</summary>
internal ref struct MqttBufferWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private int _position;

    /// <summary>The bytes written so far.</summary>
    public readonly int Written => _position;

    /// <summary>The wire size of a UTF-8 Encoded String: two length bytes plus the UTF-8 bytes.</summary>
    public static int GetUtf8StringSize(string value) => 2 + Encoding.UTF8.GetByteCount(value);

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => _destination[_position++] = value;

    /// <summary>Writes a Two Byte Integer (big-endian).</summary>
    public void WriteTwoByteInteger(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_destination[_position..], value);
        _position += 2;
    }

    /// <summary>Writes the fixed header: the first byte and the Remaining Length.</summary>
    public void WriteFixedHeader(byte firstByte, int remainingLength)
    {
        WriteByte(firstByte);
        _position += MqttRemainingLength.Write(_destination[_position..], remainingLength);
    }

    /// <summary>Writes a UTF-8 Encoded String with its two byte length.</summary>
    public void WriteUtf8String(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, _destination[(_position + 2)..]);
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException("A UTF-8 string may not exceed 65535 bytes.", nameof(value));
        }

        BinaryPrimitives.WriteUInt16BigEndian(_destination[_position..], (ushort)length);
        _position += 2 + length;
    }

    /// <summary>Writes Binary Data with its two byte length.</summary>
    public void WriteBinaryData(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Binary data may not exceed 65535 bytes.", nameof(value));
        }

        WriteTwoByteInteger((ushort)value.Length);
        WriteBytes(value);
    }

    /// <summary>Writes raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[_position..]);
        _position += value.Length;
    }
}
