namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// Keeps credentials written into a URL (<c>ws://user:password@host</c>, RFC 3986 §3.2.1 userinfo) out of log lines:
/// HA signs in with the access token, so the userinfo is never needed in what is shown.
/// </summary>
internal static class UriRedaction
{
    /// <summary><paramref name="uri"/> without its user name and password; the same instance when it has none.</summary>
    public static Uri WithoutUserInfo(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return !uri.IsAbsoluteUri || uri.UserInfo.Length == 0
            ? uri
            : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }
}
