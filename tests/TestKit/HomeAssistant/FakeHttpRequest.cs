using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The head of one HTTP/1.1 request a fake server received (request line and headers; bodies are skipped).</summary>
/// <param name="Method">The method, for example <c>GET</c>.</param>
/// <param name="Path">The path without the query.</param>
/// <param name="Headers">The headers, names compared case-insensitively.</param>
public sealed record FakeHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads a request head byte by byte up to the blank line.</summary>
    internal static async Task<FakeHttpRequest> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(512);
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (head.Count > 16 * 1024 || await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("Incomplete or oversized HTTP request head.");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
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

        var target = requestLine.Length > 1 ? requestLine[1] : "/";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return new FakeHttpRequest(requestLine[0], query < 0 ? target : target[..query], headers);
    }
}
