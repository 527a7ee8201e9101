namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// Buffered reading of one connection: a request head up to its empty line, an exact number of body bytes, a
/// chunked body (RFC 9112 §7.1), all within the server's limits. Bytes read past one request stay for the next.
/// </summary>
internal sealed class HttpConnectionReader(Stream stream)
{
    // Small at first, grown to the head limit only by a request that needs it: an idle connection costs 4 KiB.
    private const int InitialBufferBytes = 4096;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;

    /// <summary>Whether bytes of a next request are already buffered.</summary>
    public bool HasBuffered => _end > _start;

    /// <summary>Waits for the first byte of a request; false at the end of the stream.</summary>
    public async Task<bool> WaitForDataAsync(CancellationToken cancellationToken) => HasBuffered || await FillAsync(cancellationToken) > 0;

    /// <summary>
    /// Reads a request head through its CRLF CRLF and returns it without them; null when the stream ends first or the
    /// head is over <see cref="HttpServerLimits.MaxHeadBytes"/> (TooLarge tells which).
    /// </summary>
    public async Task<(byte[]? Head, bool TooLarge)> ReadHeadAsync(CancellationToken cancellationToken)
    {
        // Counted from _start, which FillAsync may move: how many bytes are known to hold no CRLF CRLF.
        var scanned = 0;
        while (true)
        {
            var from = _start + Math.Max(0, scanned - 3);
            var found = _buffer.AsSpan(from, _end - from).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                var at = from + found;
                var head = _buffer.AsSpan(_start, at - _start).ToArray();
                _start = at + 4;
                return (head, false);
            }

            scanned = _end - _start;
            if (_end - _start >= HttpServerLimits.MaxHeadBytes)
            {
                return (null, true);
            }

            if (await FillAsync(cancellationToken) == 0)
            {
                return (null, false);
            }
        }
    }

    /// <summary>Reads exactly <paramref name="length"/> body bytes; null when the stream ends first.</summary>
    public async Task<byte[]?> ReadExactAsync(int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            if (!HasBuffered && await FillAsync(cancellationToken) == 0)
            {
                return null;
            }

            var take = Math.Min(length - filled, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(body.AsSpan(filled));
            _start += take;
            filled += take;
        }

        return body;
    }

    /// <summary>
    /// Reads a chunked body; the body, or null with TooLarge set when it is over
    /// <paramref name="maxBytes"/>, or null when it is malformed or cut short.
    /// </summary>
    public async Task<(byte[]? Body, bool TooLarge)> ReadChunkedAsync(int maxBytes, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; last-chunk = 1*("0") [ chunk-ext ] CRLF
            if (await ReadLineAsync(cancellationToken) is not { } sizeLine || !TryParseChunkSize(sizeLine, out var size))
            {
                return (null, false);
            }

            if (size == 0)
            {
                // The trailer section, up to its empty line; trailers are ignored (§7.1.2 lets a recipient discard them).
                while (await ReadLineAsync(cancellationToken) is { } trailer)
                {
                    if (trailer.Length == 0)
                    {
                        return (body.ToArray(), false);
                    }
                }

                return (null, false);
            }

            if (body.Length + size > maxBytes)
            {
                return (null, true);
            }

            if (await ReadExactAsync((int)size, cancellationToken) is not { } data
                || await ReadLineAsync(cancellationToken) is not { Length: 0 })
            {
                return (null, false);
            }

            body.Write(data);
        }
    }

    /// <summary>Reads and drops up to <paramref name="maxBytes"/> until the stream ends (a lingering close).</summary>
    public async Task DrainAsync(int maxBytes, CancellationToken cancellationToken)
    {
        var dropped = 0;
        _start = _end = 0;
        while (dropped < maxBytes)
        {
            var read = await FillAsync(cancellationToken);
            if (read == 0)
            {
                return;
            }

            dropped += read;
            _start = _end = 0;
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        // Chunk-size and trailer lines are short; one over the head limit is refused as malformed.
        var scanned = 0;
        while (true)
        {
            var from = _start + Math.Max(0, scanned - 1);
            var found = _buffer.AsSpan(from, _end - from).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                var at = from + found;
                var line = System.Text.Encoding.Latin1.GetString(_buffer, _start, at - _start);
                _start = at + 2;
                return line;
            }

            scanned = _end - _start;
            if (_end - _start >= HttpServerLimits.MaxRequestLineBytes || await FillAsync(cancellationToken) == 0)
            {
                return null;
            }
        }
    }

    private static bool TryParseChunkSize(string line, out long size)
    {
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        var digits = (semicolon < 0 ? line : line[..semicolon]).TrimEnd(' ', '\t');
        size = 0;
        return digits.Length is > 0 and <= 8
            && long.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out size);
    }

    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Keep the unread bytes at the front, so the buffer's free space is at its end.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= HttpServerLimits.MaxHeadBytes + 4)
            {
                return 0;
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, HttpServerLimits.MaxHeadBytes + 4));
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }
}
