using System.ComponentModel.DataAnnotations;

namespace ProofOfHeat.Host.Configuration;

/// <summary>The Home Assistant connection (<c>homeassistant:</c>).</summary>
internal sealed class HomeAssistantOptions
{
    /// <summary>The WebSocket API URL, such as <c>ws://homeassistant.local:8123/api/websocket</c>.</summary>
    /// <value>Required. In add-on mode: <c>ws://supervisor/core/websocket</c>; env <c>POH_HA_URL</c>.</value>
    [UriSchemes("http", "https", "ws", "wss")]
    public required Uri Url { get; set; }

    /// <summary>A long-lived access token. Never logged.</summary>
    /// <value>Required. In add-on mode: the <c>SUPERVISOR_TOKEN</c>; env <c>POH_HA_TOKEN</c>.</value>
    [Secret]
    public required string Token { get; set; }

    /// <summary>
    /// The largest message accepted from Home Assistant, in MiB; a larger one closes the connection with an error
    /// that says so. A big home's full state list is about 5–10 MB (see HomeAssistantClientOptions.MaxMessageBytes).
    /// </summary>
    /// <value>Default: 64.</value>
    [Range(1, 1024)]
    public int MaxMessageMib { get; set; } = 64;
}
