using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>
/// Reads the data representations of MQTT 3.1.1 §1.5 from a packet body. Every shortfall or invalid encoding raises
/// <see cref="MqttProtocolException"/>; nothing else escapes.
/// </summary>
internal ref struct MqttBufferReader(ReadOnlySpan<byte> source)
{
    private readonly ReadOnlySpan<byte> _source = source;
    private int _position;

    /// <summary>The bytes not read yet.</summary>
    public readonly int Remaining => _source.Length - _position;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        Need(1, "byte");
        return _source[_position++];
    }

    /// <summary>Reads a Two Byte Integer (big-endian, §1.5.2).</summary>
    public ushort ReadTwoByteInteger()
    {
        Need(2, "two byte integer");
        var value = BinaryPrimitives.ReadUInt16BigEndian(_source[_position..]);
        _position += 2;
        return value;
    }

    /// <summary>Reads a UTF-8 Encoded String (§1.5.3): a two byte length, then well-formed UTF-8 without U+0000.</summary>
    public string ReadUtf8String()
    {
        var bytes = ReadLengthPrefixed("UTF-8 string");
        if (!Utf8.IsValid(bytes))
        {
            throw new MqttProtocolException("Malformed UTF-8 string.");
        }

        if (bytes.Contains((byte)0))
        {
            throw new MqttProtocolException("A UTF-8 string contains U+0000, which MQTT forbids.");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads Binary Data (§1.5.3 applied to bytes): a two byte length, then the bytes.</summary>
    public byte[] ReadBinaryData() => ReadLengthPrefixed("binary data").ToArray();

    /// <summary>Reads everything that is left (a PUBLISH payload).</summary>
    public ReadOnlySpan<byte> ReadToEnd()
    {
        var rest = _source[_position..];
        _position = _source.Length;
        return rest;
    }

    /// <summary>Throws unless every byte of the body has been read.</summary>
    public readonly void EnsureEnd(string packetName)
    {
        if (Remaining != 0)
        {
            throw new MqttProtocolException($"{packetName}: {Remaining} unexpected trailing byte(s).");
        }
    }

    private ReadOnlySpan<byte> ReadLengthPrefixed(string what)
    {
        var length = ReadTwoByteInteger();
        Need(length, what);
        var bytes = _source.Slice(_position, length);
        _position += length;
        return bytes;
    }

    private readonly void Need(int count, string what)
    {
        if (Remaining < count)
        {
            throw new MqttProtocolException($"Packet too short: {what} needs {count} byte(s), {Remaining} left.");
        }
    }
}
