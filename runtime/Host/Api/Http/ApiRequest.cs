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
    public ApiRequest(string method, string path, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, IPAddress? remoteAddress)
    {
        Method = method;
        Path = path;
        _headers = headers;
        Body = body;
        RemoteAddress = remoteAddress;
    }

    /// <summary>The method as sent (<c>GET</c>, <c>PUT</c> …; case-sensitive per RFC 9110 §9.1).</summary>
    public string Method { get; }

    /// <summary>The path as sent, still percent-encoded, without the query.</summary>
    public string Path { get; }

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
