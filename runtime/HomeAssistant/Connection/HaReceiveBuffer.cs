using System.Buffers;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>
/// The buffer one incoming WebSocket message is assembled in, bounded: it never grows past the message limit, and
/// asking for room beyond it throws. A 300 MB frame therefore costs at most the limit, not 300 MB (or the 512 MB an
/// ArrayBufferWriter would double to), and the connection that sent it is closed.
/// </summary>
internal sealed class HaReceiveBuffer : IBufferWriter<byte>
{
    private readonly int _limit;
    private byte[] _buffer;
    private int _written;

    /// <summary>Creates a buffer of <paramref name="initialCapacity"/> bytes that holds messages of up to <paramref name="limit"/> bytes.</summary>
    public HaReceiveBuffer(int initialCapacity, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
        _buffer = new byte[Math.Clamp(initialCapacity, 1, limit)];
    }

    /// <summary>The bytes of the message so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>The bytes of the message so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>How many bytes the message has so far.</summary>
    public int WrittenCount => _written;

    /// <summary>The bytes held, written or not.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Starts the next message in the same memory.</summary>
    public void ResetWrittenCount() => _written = 0;

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Near the limit this returns less than <paramref name="sizeHint"/> (the rest up to the limit), which a WebSocket
    /// receive accepts; with nothing left it throws.
    /// </remarks>
    /// <exception cref="HomeAssistantConnectionException">The message is already as large as the limit.</exception>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc cref="GetMemory"/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Reserve(int sizeHint)
    {
        var wanted = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= wanted)
        {
            return;
        }

        if (_buffer.Length >= _limit)
        {
            if (_written < _buffer.Length)
            {
                return;
            }

            throw new HomeAssistantConnectionException(
                $"Home Assistant sent a message larger than the limit of {Describe(_limit)}; the connection is closed and will be " +
                "reopened. If a home this large is real, raise the limit (HomeAssistantClientOptions.MaxMessageBytes, " +
                "`homeassistant.max_message_mib` in the config).");
        }

        var grown = (int)Math.Min(Math.Max((long)_written + wanted, 2L * _buffer.Length), _limit);
        var next = new byte[grown];
        WrittenSpan.CopyTo(next);
        _buffer = next;
    }

    private static string Describe(int bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
