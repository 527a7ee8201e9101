using Microsoft.Extensions.Logging;

namespace ProofOfHeat.HomeAssistant;

/// <summary>Source-generated log messages of the HA client (event ids 1000–1099). Tokens never appear here.</summary>
internal static partial class Log
{
    /// <summary>The URI must come without user name and password (<see cref="UriRedaction.WithoutUserInfo"/>).</summary>
    [LoggerMessage(1000, LogLevel.Information, "Connecting to Home Assistant at {Uri}")]
    public static partial void Connecting(ILogger logger, Uri uri);

    [LoggerMessage(1001, LogLevel.Information,
        "Connected to Home Assistant {HaVersion} ({EntityCount} entities, {SubscriptionCount} subscriptions)")]
    public static partial void Connected(ILogger logger, string haVersion, int entityCount, int subscriptionCount);

    [LoggerMessage(1002, LogLevel.Warning, "Disconnected from Home Assistant ({Reason}); reconnecting in {Delay}")]
    public static partial void Disconnected(ILogger logger, HaDisconnectReason reason, TimeSpan delay, Exception? error);

    [LoggerMessage(1003, LogLevel.Information, "Could not connect to Home Assistant ({Reason}: {Message}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, HaDisconnectReason reason, string message, TimeSpan delay);

    [LoggerMessage(1004, LogLevel.Information, "Home Assistant is starting (state {State}); retrying in {Delay}")]
    public static partial void NotReady(ILogger logger, string state, TimeSpan delay);

    [LoggerMessage(1005, LogLevel.Error,
        "Home Assistant rejected the access token ({Message}). The client will not retry, to avoid a login ban. " +
        "Create a long-lived access token in your HA profile (Security tab) and put it in the configuration, " +
        "or in add-on mode make sure the add-on has homeassistant_api enabled.")]
    public static partial void AuthenticationFailed(ILogger logger, string message);

    [LoggerMessage(1006, LogLevel.Information, "Home Assistant client stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(1007, LogLevel.Debug, "Authenticated with Home Assistant {HaVersion}; coalescing {Coalescing}")]
    public static partial void Authenticated(ILogger logger, string haVersion, bool coalescing);

    [LoggerMessage(1010, LogLevel.Trace, "RX <<< {Bytes} bytes, {Messages} message(s)")]
    public static partial void FrameReceived(ILogger logger, int bytes, int messages);

    [LoggerMessage(1011, LogLevel.Trace, "TX >>> {Type} id {Id}, {Bytes} bytes")]
    public static partial void FrameSent(ILogger logger, string type, int id, int bytes);

    [LoggerMessage(1012, LogLevel.Trace, "TX >>> auth, {Bytes} bytes (token redacted)")]
    public static partial void AuthSent(ILogger logger, int bytes);

    [LoggerMessage(1020, LogLevel.Error, "The Home Assistant event handler threw in {Callback}")]
    public static partial void HandlerFailed(ILogger logger, string callback, Exception error);

    [LoggerMessage(1021, LogLevel.Warning, "Skipped a malformed {Type} message from Home Assistant")]
    public static partial void MalformedMessage(ILogger logger, string type, Exception error);

    [LoggerMessage(1022, LogLevel.Debug, "Ignored {Type} message with id {Id}: nobody is waiting for it")]
    public static partial void UnmatchedMessage(ILogger logger, string type, int? id);

    [LoggerMessage(1023, LogLevel.Debug, "Ignored {Count} event(s) that arrived before the state snapshot")]
    public static partial void EventsBeforeSnapshot(ILogger logger, int count);

    [LoggerMessage(1024, LogLevel.Warning, "No pong from Home Assistant within {Timeout}; dropping the connection")]
    public static partial void PingTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(1025, LogLevel.Debug, "Home Assistant connection reader stopped: {Reason}")]
    public static partial void ReaderStopped(ILogger logger, HaDisconnectReason reason, Exception? error);

    [LoggerMessage(1027, LogLevel.Warning, "Closing the connection to Home Assistant: {Message}")]
    public static partial void ConnectionRefusedInput(ILogger logger, string message);

    [LoggerMessage(1026, LogLevel.Warning, "Skipped a state Home Assistant sent in a shape we cannot read (entity {EntityId})")]
    public static partial void MalformedState(ILogger logger, string entityId, Exception error);
}
