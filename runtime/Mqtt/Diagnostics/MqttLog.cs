using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Mqtt.Diagnostics;

/// <summary>The MQTT client's log messages (event ids 2000–2099). Credentials are never logged.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Connecting to {Endpoint}")]
    public static partial void Connecting(this ILogger logger, string endpoint);

    [LoggerMessage(2001, LogLevel.Information, "Connected to {Endpoint} (session present: {SessionPresent})")]
    public static partial void Connected(this ILogger logger, string endpoint, bool sessionPresent);

    [LoggerMessage(2002, LogLevel.Warning, "MQTT connection to {Endpoint} failed or was lost: {Reason}. Reconnecting in {Delay}")]
    public static partial void ConnectionLost(this ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(2013, LogLevel.Information, "MQTT broker {Endpoint} still unreachable: {Reason}. Retrying in {Delay}")]
    public static partial void StillDisconnected(this ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(2003, LogLevel.Error, "Broker {Endpoint} refused the connection ({ReturnCode}); not retrying with the same settings")]
    public static partial void ConnectRefusedFinal(this ILogger logger, string endpoint, MqttConnectReturnCode returnCode);

    [LoggerMessage(2004, LogLevel.Warning, "Outgoing MQTT queue full ({Capacity} messages): dropped {Dropped} oldest message(s), {Total} in total")]
    public static partial void MessagesDropped(this ILogger logger, int capacity, long dropped, long total);

    [LoggerMessage(2005, LogLevel.Error, "The broker refused the subscription to '{TopicFilter}' (SUBACK 0x80) when resubscribing")]
    public static partial void ResubscribeRefused(this ILogger logger, string topicFilter);

    [LoggerMessage(2006, LogLevel.Error, "Subscription handler for '{TopicFilter}' failed on a message to '{Topic}'; the message is acknowledged anyway")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string topicFilter, string topic);

    [LoggerMessage(2007, LogLevel.Information, "Resending {Count} unacknowledged QoS 1 message(s) with DUP set")]
    public static partial void Resending(this ILogger logger, int count);

    [LoggerMessage(2008, LogLevel.Debug, "Resubscribed {Count} topic filter(s)")]
    public static partial void Resubscribed(this ILogger logger, int count);

    [LoggerMessage(2009, LogLevel.Debug, "PUBACK for unknown packet identifier {PacketIdentifier} ignored")]
    public static partial void UnknownPubAck(this ILogger logger, ushort packetIdentifier);

    [LoggerMessage(2010, LogLevel.Information, "Disconnected from {Endpoint}")]
    public static partial void Disconnected(this ILogger logger, string endpoint);

    [LoggerMessage(2011, LogLevel.Error, "Unexpected error in the MQTT connection loop")]
    public static partial void UnexpectedError(this ILogger logger, Exception exception);

    [LoggerMessage(2012, LogLevel.Error, "An MQTT connection event handler threw")]
    public static partial void EventHandlerFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2014, LogLevel.Warning, "Skipped an MQTT message of {Size} bytes on '{Topic}': above the client's limit of {Limit} bytes. Further oversized messages on this topic are skipped without a warning")]
    public static partial void OversizedMessageSkipped(this ILogger logger, long size, string topic, int limit);

    [LoggerMessage(2015, LogLevel.Debug, "Skipped another oversized MQTT message of {Size} bytes on '{Topic}'")]
    public static partial void OversizedMessageSkippedAgain(this ILogger logger, long size, string topic);
}
