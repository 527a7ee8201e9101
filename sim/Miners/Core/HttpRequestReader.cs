using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Sim.Miners;

/// <summary>Reads HTTP/1.1 requests one after another from a connection (Content-Length bodies only).</summary>
internal sealed class HttpRequestReader(NetworkStream stream, int maximumHeadBytes) : IDisposable
{
    private readonly byte[] _buffer = new byte[8192];
    private readonly MemoryStream _pending = new();

    /// <summary>The next request, or null when the client hung up or sent something that is not HTTP.</summary>
    public async Task<SimHttpRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = IndexOfHeadEnd()) < 0)
        {
            if (_pending.Length > maximumHeadBytes || !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var data = _pending.ToArray();
        var lines = Encoding.ASCII.GetString(data, 0, headEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var text) && int.TryParse(text, out var n) ? n : 0;
        var bodyStart = headEnd + 4;
        while (_pending.Length < bodyStart + length)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        data = _pending.ToArray();
        var body = Encoding.UTF8.GetString(data, bodyStart, length);
        _pending.SetLength(0);
        _pending.Write(data, bodyStart + length, data.Length - bodyStart - length);
        return new SimHttpRequest(requestLine[0], requestLine[1], headers, body);
    }

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return false;
        }

        _pending.Write(_buffer, 0, read);
        return true;
    }

    private int IndexOfHeadEnd()
    {
        var span = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
        return span.IndexOf("\r\n\r\n"u8);
    }
}
