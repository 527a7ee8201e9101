namespace ProofOfHeat.Host.Composition;

/// <summary>Where the brain's MQTT connection goes, from config, <c>--mqtt</c> or the Supervisor; never logged with the password.</summary>
/// <param name="Url">
/// The broker, <c>mqtt://</c> or <c>mqtts://</c>. Credentials written into it (<c>mqtt://user:password@host</c>) become
/// <see cref="Username"/> and <see cref="Password"/> and are taken out of the URL, so that they are used, never
/// dropped, and the URL can be shown.
/// </param>
/// <param name="Username">The user name, or null for the URL's or anonymous; wins over the URL's.</param>
/// <param name="Password">The password, or null; wins over the URL's.</param>
/// <param name="Source">Where it came from, for the log: <c>config</c>, <c>--mqtt</c> or <c>supervisor</c>.</param>
internal sealed record MqttBroker(Uri Url, string? Username, string? Password, string Source)
{
    /// <summary>The broker's URL without user name and password.</summary>
    public Uri Url { get; init; } = WithoutUserInfo(Url);

    /// <summary>The user name: the one given, else the URL's, else null (anonymous).</summary>
    public string? Username { get; init; } = Username ?? UserInfoPart(Url, 0);

    /// <summary>The password: the one given, else the URL's (when the user name also came from it), else null.</summary>
    public string? Password { get; init; } = Password ?? (Username is null ? UserInfoPart(Url, 1) : null);

    /// <summary>Hides the password, so the record can be logged.</summary>
    public override string ToString() => $"{Url.Scheme}://{Url.Host}:{Url.Port} (user {Username ?? "anonymous"}, from {Source})";

    private static Uri WithoutUserInfo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    private static string? UserInfoPart(Uri url, int index)
    {
        // RFC 3986 §3.2.1: userinfo is `user[:password]`, percent-encoded; a password may itself hold no raw colon.
        if (url is null || url.UserInfo.Length == 0)
        {
            return null;
        }

        var parts = url.UserInfo.Split(':', 2);
        return index < parts.Length ? Uri.UnescapeDataString(parts[index]) : null;
    }
}
