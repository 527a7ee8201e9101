namespace ProofOfHeat.HomeAssistant;

/// <summary>Why a connection (or a connection attempt) ended.</summary>
public enum HaDisconnectReason
{
    /// <summary>HA closed the socket.</summary>
    Closed,

    /// <summary>The access token was rejected; the runner stops for good.</summary>
    Unauthorized,

    /// <summary>HA is starting or restarting (<c>get_config.state</c> is not RUNNING).</summary>
    NotReady,

    /// <summary>No pong within the ping timeout: the connection was half-open or HA stalled.</summary>
    PingTimeout,

    /// <summary>A socket, protocol or timeout error.</summary>
    Error,

    /// <summary>The runner was stopped.</summary>
    Cancelled,
}
