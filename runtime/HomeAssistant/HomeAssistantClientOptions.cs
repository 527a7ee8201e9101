namespace ProofOfHeat.HomeAssistant;

/// <summary>Where and how to reach Home Assistant's WebSocket API, and the client's timing.</summary>
public sealed class HomeAssistantClientOptions
{
    /// <summary>The WebSocket endpoint.</summary>
    /// <value><c>ws://host:8123/api/websocket</c> directly, or <see cref="DefaultAddOnUri"/> in add-on mode.</value>
    public required Uri WebSocketUri { get; init; }

    /// <summary>A long-lived access token, or <c>$SUPERVISOR_TOKEN</c> in add-on mode. Never logged.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Limit for opening the socket and finishing the auth exchange.</summary>
    /// <value>Default 5 s.</value>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a command waits for HA's result.</summary>
    /// <value>Default 20 s.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Pause before the first keep-alive ping of a connection, and between each pong and the next ping (so a slow
    /// pong never overlaps the next ping).
    /// </summary>
    /// <value>Default 30 s.</value>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A pong must arrive within this time, or the connection is treated as dead.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting; also the wait after a good connection or a NotReady answer.</summary>
    /// <value>Default 2 s.</value>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The reconnect wait doubles after each failed attempt up to this cap.</summary>
    /// <value>Default 80 s.</value>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(80);

    /// <summary>Event types subscribed on every connection (one subscription each).</summary>
    /// <value>Default <c>["state_changed"]</c>.</value>
    public IReadOnlyList<string> EventTypes { get; init; } = ["state_changed"];

    /// <summary>The WebSocket address of HA as seen from an add-on (through the Supervisor proxy).</summary>
    public static Uri DefaultAddOnUri => new("ws://supervisor/core/websocket");
}
