using System.Net;

namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// One HTTP request as the API's handlers see it: parsed and with its whole body read (bodies are capped at
/// <see cref="HttpServerLimits.MaxBodyBytes"/>, so holding one in memory is bounded). It carries no transport type,
/// so a handler does not depend on the server underneath.
/// </summary>
internal sealed class ApiRequest
{
    private readonly IReadOnlyDictionary<string, string> _headers;

    /// <summary>Creates a request; <paramref name="headers"/> must compare names case-insensitively.</summary>
    public ApiRequest(string method, string path, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, IPAddress? remoteAddress, string query = "")
    {
        Method = method;
        Path = path;
        Query = query;
        _headers = headers;
        Body = body;
        RemoteAddress = remoteAddress;
    }

    /// <summary>The method as sent (<c>GET</c>, <c>PUT</c> …; case-sensitive per RFC 9110 §9.1).</summary>
    public string Method { get; }

    /// <summary>The path as sent, still percent-encoded, without the query.</summary>
    public string Path { get; }

    /// <summary>The query as sent, after the <c>?</c> and still percent-encoded (empty when there is none).</summary>
    public string Query { get; }

    /// <summary>The body (empty when there is none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The peer's address.</summary>
    public IPAddress? RemoteAddress { get; }

    /// <summary>The <c>Content-Length</c> the client declared, if any.</summary>
    public long? ContentLength => long.TryParse(Header("Content-Length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
        ? length
        : null;

    /// <summary>
    /// The name in the <c>Host</c> header without its port (<c>[::1]</c> keeps its brackets); null when there is no
    /// <c>Host</c> header or it is empty.
    /// </summary>
    public string? Host => HostName(Header("Host"));

    /// <summary>
    /// The first value of query parameter <paramref name="name"/>, unescaped (<c>+</c> as a space, as HTML forms send
    /// it), or null; as ASP.NET's <c>Request.Query[name]</c> for a single value.
    /// </summary>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>A header's value (repeated headers joined with ", "), or null.</summary>
    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The host part of a <c>Host</c> header value (RFC 9110 §7.2: uri-host [ ":" port ]).</summary>
    public static string? HostName(string? hostHeader)
    {
        if (string.IsNullOrEmpty(hostHeader))
        {
            return null;
        }

        if (hostHeader.StartsWith('['))
        {
            var close = hostHeader.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? hostHeader : hostHeader[..(close + 1)];
        }

        var colon = hostHeader.LastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader[..colon];
    }
}
