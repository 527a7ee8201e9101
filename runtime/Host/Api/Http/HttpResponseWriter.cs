using System.Net;
using System.Text;

namespace ProofOfHeat.Host.Api.Http;

/// <summary>Formats an <see cref="ApiResult"/> as an HTTP/1.1 response (RFC 9112 §4 status line, §6 framing by Content-Length).</summary>
internal static class HttpResponseWriter
{
    /// <summary>The response's bytes; a HEAD answer has the GET answer's headers and no body (RFC 9110 §9.3.2).</summary>
    public static byte[] Format(ApiResult result, bool keepAlive, bool isHead)
    {
        ArgumentNullException.ThrowIfNull(result);
        var head = new StringBuilder(256);
        head.Append("HTTP/1.1 ").Append(result.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
            .Append(ReasonPhrase(result.StatusCode)).Append("\r\n");
        if (result.ContentType is { } contentType)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        // RFC 9110 §8.6: no Content-Length in a 204.
        if (result.StatusCode != (int)HttpStatusCode.NoContent)
        {
            head.Append("Content-Length: ").Append(result.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        }

        foreach (var (name, value) in result.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (!keepAlive)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        var headLength = Encoding.Latin1.GetByteCount(head.ToString());
        var bodyLength = isHead ? 0 : result.Body.Length;
        var bytes = new byte[headLength + bodyLength];
        Encoding.Latin1.GetBytes(head.ToString(), bytes);
        result.Body.Span[..bodyLength].CopyTo(bytes.AsSpan(headLength));
        return bytes;
    }

    // RFC 9110 §15's reason phrases for the codes the API answers; the phrase carries no meaning (§15 says clients ignore it).
    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    };
}
