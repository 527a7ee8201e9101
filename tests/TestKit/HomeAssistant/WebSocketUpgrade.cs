using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The server side of the RFC 6455 opening handshake, done by hand (no ASP.NET).</summary>
internal static class WebSocketUpgrade
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Reads the HTTP upgrade request and answers 101; false (after answering 400/404) when it is not one.</summary>
    public static async Task<bool> AcceptAsync(NetworkStream stream, string expectedPath, CancellationToken cancellationToken)
    {
        var request = await ReadHeadAsync(stream, cancellationToken);
        var lines = request.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        if (requestLine.Length < 3 || requestLine[0] != "GET" || requestLine[1] != expectedPath)
        {
            await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken);
            return false;
        }

        if (!headers.TryGetValue("Upgrade", out var upgrade) || !upgrade.Equals("websocket", StringComparison.OrdinalIgnoreCase)
            || !headers.TryGetValue("Sec-WebSocket-Version", out var version) || version != "13"
            || !headers.TryGetValue("Sec-WebSocket-Key", out var key) || string.IsNullOrWhiteSpace(key))
        {
            await WriteAsync(stream, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken);
            return false;
        }

#pragma warning disable CA5350 // RFC 6455 prescribes SHA-1 for Sec-WebSocket-Accept; it is not used for security here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
        await WriteAsync(
            stream,
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Accept: {accept}\r\n\r\n",
            cancellationToken);
        return true;
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        // Byte by byte so nothing after the head (the first WebSocket frame) is consumed here.
        var head = new List<byte>(512);
        var one = new byte[1];
        while (head.Count < 16 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The client closed the socket during the HTTP upgrade.");
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                return Encoding.ASCII.GetString([.. head], 0, head.Count - 4);
            }
        }

        throw new IOException("HTTP upgrade request head too large.");
    }

    private static Task WriteAsync(NetworkStream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).AsTask();
}
