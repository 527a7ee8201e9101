namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// The API server's limits. The sizes and times are Kestrel's defaults, which the API ran with before
/// (learn.microsoft.com, "Configure options for the ASP.NET Core Kestrel web server", KestrelServerLimits:
/// MaxRequestHeadersTotalSize 32 KB, MaxRequestLineSize 8 KB, RequestHeadersTimeout 30 s, KeepAliveTimeout 130 s),
/// except the body, which the API caps far lower, and the connection count, which Kestrel leaves unbounded.
/// </summary>
internal static class HttpServerLimits
{
    /// <summary>The largest request line and headers together, in bytes (more: 431, or 414 for the line alone).</summary>
    public const int MaxHeadBytes = 32 * 1024;

    /// <summary>The largest request line, in bytes.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>The most headers in one request.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>The largest body read, in bytes (more: 413): twice the largest state value, as before.</summary>
    public const int MaxBodyBytes = StateEndpoints.MaxBodyBytes * 2;

    /// <summary>
    /// The most connections open at once; more are closed as they arrive. An idle connection holds 4 KiB, so the
    /// cap bounds memory at about 1 MB while leaving room for many slow or idle clients beside the real ones.
    /// </summary>
    public const int MaxConnections = 256;

    /// <summary>How long a request's head and body may take to arrive once it has begun (slow clients are cut off).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle kept-alive connection stays open.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(130);

    /// <summary>How long writing an answer may take.</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    /// <summary>After refusing a request it did not read, how long the server drains the rest before closing (no RST into the answer).</summary>
    public static readonly TimeSpan LingerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How much of an unread body the server drains at most before closing.</summary>
    public const int MaxLingerBytes = 1024 * 1024;
}
