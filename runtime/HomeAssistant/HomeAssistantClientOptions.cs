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

    /// <summary>First wait before reconnecting; also the wait after a connection that lasted <see cref="StableConnectionTime"/>, or a NotReady answer.</summary>
    /// <value>Default 2 s.</value>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a connection must have stayed up for its loss to reset the reconnect wait to
    /// <see cref="ReconnectInitialDelay"/>. A server that accepts the login and then breaks at once keeps backing off.
    /// </summary>
    /// <value>Default 60 s.</value>
    public TimeSpan StableConnectionTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest WebSocket message accepted from HA, in bytes. A larger one closes the connection with a
    /// <see cref="HomeAssistantConnectionException"/> saying so (the reader stops buffering at the limit), and the
    /// client reconnects as after any broken connection.
    /// </summary>
    /// <value>
    /// Default 64 MiB. The largest message is the <c>get_states</c> snapshot: a state is 0.5–2 KB of JSON (entity id,
    /// state, attributes, three timestamps, context), large ones (weather forecasts, media players, big template
    /// sensors) up to tens of KB, so a big home of 5,000 entities answers with about 5–10 MB, and 64 MiB leaves room
    /// for several times that (for comparison, aiohttp, HA's web server, accepts at most 4 MiB per incoming message by
    /// default: <c>web.WebSocketResponse(max_msg_size=4 * 1024 * 1024)</c>). Estimate, not a measurement of a real home.
    /// </value>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The reconnect wait doubles after each failed attempt up to this cap.</summary>
    /// <value>Default 80 s.</value>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(80);

    /// <summary>Event types subscribed on every connection (one subscription each).</summary>
    /// <value>Default <c>["state_changed"]</c>.</value>
    public IReadOnlyList<string> EventTypes { get; init; } = ["state_changed"];

    /// <summary>The WebSocket address of HA as seen from an add-on (through the Supervisor proxy).</summary>
    public static Uri DefaultAddOnUri => new("ws://supervisor/core/websocket");
}
