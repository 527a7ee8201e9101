namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Hides the <c>user:password@</c> part of a URL (RFC 3986 §3.2.1 calls it userinfo and deprecates passwords in it
/// because URLs end up in logs) before the URL is shown in an error, a log line or a status page.
/// </summary>
internal static class UrlRedaction
{
    /// <summary>What stands in for the hidden userinfo.</summary>
    public const string Mask = "***";

    /// <summary><paramref name="url"/> with its userinfo replaced by <see cref="Mask"/>; unchanged when it has none.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return url;
        }

        var authorityStart = start + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : string.Concat(url.AsSpan(0, authorityStart), Mask, url.AsSpan(authorityStart + at));
    }

    /// <summary><paramref name="url"/> as text with its userinfo replaced by <see cref="Mask"/>.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Redact(url.OriginalString);
    }
}
