namespace ProofOfHeat.Host.Api.Http;

/// <summary>A request's line and headers, parsed (RFC 9112 §3 and §5).</summary>
/// <param name="Method">The method token.</param>
/// <param name="Target">The request target in origin form (<c>/path?query</c>).</param>
/// <param name="IsHttp11">HTTP/1.1 (else 1.0).</param>
/// <param name="Headers">The headers, names case-insensitive, repeated ones joined with ", ".</param>
internal sealed record HttpRequestHead(string Method, string Target, bool IsHttp11, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The target's path, without the query.</summary>
    public string Path => Target.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? Target[..q] : Target;

    /// <summary>The target's query, after the <c>?</c> (empty when there is none).</summary>
    public string Query => Target.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? Target[(q + 1)..] : string.Empty;

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the connection stays open after this request (RFC 9112 §9.3: 1.1 persists unless "close"; 1.0 here never does).</summary>
    public bool KeepAlive => IsHttp11 && !HasToken("Connection", "close");

    /// <summary>Whether <paramref name="header"/>'s comma-separated list holds <paramref name="token"/> (case-insensitive).</summary>
    public bool HasToken(string header, string token) =>
        Header(header) is { } value && value.Split(',').Any(t => string.Equals(t.Trim(), token, StringComparison.OrdinalIgnoreCase));
}
