using System.Net;
using System.Text;

namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// Parses a request head (the bytes before the empty line) strictly, per RFC 9112: a request line of
/// <c>method SP request-target SP HTTP-version</c> (§3), header fields of <c>name ":" OWS value OWS</c> (§5) with no
/// whitespace before the colon (§5.1: a server MUST reject that with 400) and no obsolete line folding (§5.2).
/// Anything else is refused with the status a server gives it, never an exception.
/// </summary>
internal static class HttpRequestHeadParser
{
    /// <summary>Parses <paramref name="head"/> (without the final CRLF CRLF); the result or the status to refuse it with.</summary>
    public static (HttpRequestHead? Head, int Status, string? Problem) Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = lineEnd < 0 ? head : head[..lineEnd];
        if (requestLine.Length > HttpServerLimits.MaxRequestLineBytes)
        {
            return Refuse((int)HttpStatusCode.RequestUriTooLong, "the request line is too long");
        }

        if (!TryParseRequestLine(requestLine, out var method, out var target, out var isHttp11, out var lineProblem))
        {
            return Refuse(lineProblem == "version" ? (int)HttpStatusCode.HttpVersionNotSupported : (int)HttpStatusCode.BadRequest,
                lineProblem == "version" ? "only HTTP/1.0 and HTTP/1.1 are spoken here" : $"the request line is not valid: {lineProblem}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : head[(lineEnd + 2)..];
        var count = 0;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<byte>.Empty : rest[(end + 2)..];
            if (++count > HttpServerLimits.MaxHeaderCount)
            {
                return Refuse((int)HttpStatusCode.RequestHeaderFieldsTooLarge, "too many header fields");
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
            {
                return Refuse((int)HttpStatusCode.BadRequest, "a header field is not valid");
            }

            var value = Trim(line[(colon + 1)..]);
            if (!IsFieldValue(value))
            {
                return Refuse((int)HttpStatusCode.BadRequest, "a header value holds a control character");
            }

            var name = Encoding.ASCII.GetString(line[..colon]);
            var text = Encoding.Latin1.GetString(value);
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {text}" : text;
        }

        if (isHttp11 && !headers.ContainsKey("Host"))
        {
            // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks a Host header field".
            return Refuse((int)HttpStatusCode.BadRequest, "an HTTP/1.1 request needs a Host header");
        }

        return (new HttpRequestHead(method, target, isHttp11, headers), 0, null);
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, out string method, out string target, out bool isHttp11, out string problem)
    {
        method = target = problem = string.Empty;
        isHttp11 = false;
        var firstSpace = line.IndexOf((byte)' ');
        var lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace == firstSpace)
        {
            problem = "expected `METHOD /path HTTP/1.1`";
            return false;
        }

        var version = line[(lastSpace + 1)..];
        if (!version.StartsWith("HTTP/"u8))
        {
            problem = "expected `METHOD /path HTTP/1.1`";
            return false;
        }

        if (!version.SequenceEqual("HTTP/1.1"u8) && !version.SequenceEqual("HTTP/1.0"u8))
        {
            problem = "version";
            return false;
        }

        var methodBytes = line[..firstSpace];
        var targetBytes = line[(firstSpace + 1)..lastSpace];
        if (!IsToken(methodBytes))
        {
            problem = "the method is not a token";
            return false;
        }

        // Origin form only (§3.2.1); the bytes must be visible ASCII (§3.2: a target holds no whitespace; non-ASCII
        // must be percent-encoded, RFC 3986 §2).
        if (targetBytes.IsEmpty || targetBytes[0] != (byte)'/' || targetBytes.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7e) >= 0)
        {
            problem = "the target must be a path of visible ASCII characters";
            return false;
        }

        method = Encoding.ASCII.GetString(methodBytes);
        target = Encoding.ASCII.GetString(targetBytes);
        isHttp11 = version[7] == (byte)'1';
        return true;
    }

    // RFC 9110 §5.6.2: token = 1*tchar; tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.
    private static bool IsToken(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            var ok = b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                || "!#$%&'*+-.^_`|~"u8.Contains(b);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // RFC 9110 §5.5: field-value is visible characters, SP, HTAB and obs-text (0x80-0xFF); CR, LF and NUL are refused.
    private static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b < 0x20 && b != (byte)'\t' || b == 0x7f)
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);

    private static (HttpRequestHead? Head, int Status, string? Problem) Refuse(int status, string problem) => (null, status, problem);
}
