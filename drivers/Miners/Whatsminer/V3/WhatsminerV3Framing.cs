using System.Buffers.Binary;
using System.Text;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>
/// The API v3 frame (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it): a 4-byte little-endian unsigned length, then that many bytes
/// of UTF-8 JSON, in both directions, with no terminator.
/// </summary>
public static class WhatsminerV3Framing
{
    /// <summary>The largest frame accepted; a bigger length means the stream is not this protocol.</summary>
    public const int MaxFrameLength = 1 << 20;

    /// <summary>Frames the JSON text.</summary>
    public static byte[] Encode(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var body = Encoding.UTF8.GetBytes(json);
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    /// <summary>Writes one frame.</summary>
    public static async Task WriteAsync(Stream stream, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(Encode(json), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads exactly one frame; null when the stream ends cleanly before a frame starts.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">The length is larger than <see cref="MaxFrameLength"/>.</exception>
    public static async Task<string?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[4];
        var got = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken);
        if (got == 0)
        {
            return null;
        }

        if (got < 4)
        {
            throw new EndOfStreamException("the stream ended inside a frame header");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length > MaxFrameLength)
        {
            throw new InvalidDataException($"the frame length {length} exceeds {MaxFrameLength}");
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return Encoding.UTF8.GetString(body);
    }
}
