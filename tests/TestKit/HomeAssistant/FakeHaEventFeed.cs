using System.Buffers.Binary;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>
/// Pre-encoded event frames for one connection, sent in order and cycled (see
/// <see cref="FakeHomeAssistant.OpenEventFeed"/>). Each send continues where the last one stopped.
/// </summary>
/// <remarks>
/// The frames are RFC 6455 text frames built once (a server's frames are unmasked), and a send packs as many
/// as fit in <see cref="WriteBytes"/> into one socket write. The client sees the same frames either way.
/// </remarks>
public sealed class FakeHaEventFeed
{
    /// <summary>Bytes handed to the socket per write.</summary>
    public const int WriteBytes = 64 * 1024;

    private readonly FakeHaSession _session;
    private readonly byte[][] _wireFrames;
    private readonly byte[] _chunk = new byte[WriteBytes];
    private int _next;

    internal FakeHaEventFeed(FakeHaSession session, byte[][] payloads, int eventsPerFrame)
    {
        _session = session;
        _wireFrames = [.. payloads.Select(WireFrame)];
        EventsPerFrame = eventsPerFrame;
    }

    /// <summary>Messages per frame: 1, or the batch size when the client negotiated coalescing.</summary>
    public int EventsPerFrame { get; }

    /// <summary>Events sent so far.</summary>
    public long Sent { get; private set; }

    /// <summary>
    /// Sends at least <paramref name="count"/> events (whole frames) and completes once the last frame is
    /// handed to the socket. Returns the number sent, fewer when the connection closed.
    /// </summary>
    public async Task<long> SendAsync(long count, CancellationToken cancellationToken)
    {
        long sent = 0;
        while (sent < count && _session.IsOpen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var used = 0;
            while (sent < count)
            {
                var frame = _wireFrames[_next];
                if (used > 0 && used + frame.Length > _chunk.Length)
                {
                    break;
                }

                if (frame.Length > _chunk.Length)
                {
                    await _session.SendWireFramesAsync(frame);
                }
                else
                {
                    frame.CopyTo(_chunk, used);
                    used += frame.Length;
                }

                _next = (_next + 1) % _wireFrames.Length;
                sent += EventsPerFrame;
            }

            if (used > 0)
            {
                await _session.SendWireFramesAsync(_chunk.AsMemory(0, used));
            }
        }

        Sent += sent;
        return sent;
    }

    /// <summary>One final, unmasked text frame (FIN + opcode 1) around <paramref name="payload"/>.</summary>
    private static byte[] WireFrame(byte[] payload)
    {
        var headerLength = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[headerLength + payload.Length];
        frame[0] = 0x81;
        switch (headerLength)
        {
            case 2:
                frame[1] = (byte)payload.Length;
                break;
            case 4:
                frame[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                frame[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
                break;
        }

        payload.CopyTo(frame, headerLength);
        return frame;
    }
}
