namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Turns the Home Assistant address people know (<c>http://homeassistant.local:8123</c>, what the
/// browser shows) into the WebSocket API's URL, so either form works in the config and in POH_HA_URL.
/// </summary>
internal static class HomeAssistantEndpoint
{
    private const string WebSocketPath = "/api/websocket";

    /// <summary>
    /// http → ws, https → wss; a bare host gets <c>/api/websocket</c>. A ws/wss URL with a path
    /// (like the Supervisor's <c>ws://supervisor/core/websocket</c>) is used as given.
    /// </summary>
    public static Uri ToWebSocketUri(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => throw new ArgumentException($"Home Assistant's URL must start with http://, https://, ws:// or wss://, not {url.Scheme}://.", nameof(url)),
        };
        var path = url.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            path = WebSocketPath;
        }

        // No user name or password: HA signs in with the token, and the URL is logged and shown in the status.
        return new UriBuilder(url)
        {
            Scheme = scheme, Path = path, Port = url.IsDefaultPort ? -1 : url.Port, UserName = string.Empty, Password = string.Empty,
        }.Uri;
    }
}
