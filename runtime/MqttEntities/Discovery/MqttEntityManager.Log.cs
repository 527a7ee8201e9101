using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>The manager's log messages.</summary>
public sealed partial class MqttEntityManager
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "MQTT discovery: {ObjectId} announced with {Count} entities")]
    private static partial void LogDeviceAnnounced(ILogger logger, string objectId, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "MQTT discovery: device {ObjectId} removed (no longer declared)")]
    private static partial void LogDeviceRemoved(ILogger logger, string objectId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "MQTT discovery: {ObjectId} lost components {Keys} (no longer declared)")]
    private static partial void LogComponentsRemoved(ILogger logger, string objectId, string keys);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "MQTT discovery: found {Count} retained device configs of ours")]
    private static partial void LogScanned(ILogger logger, int count);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "MQTT discovery: the retained-config scan did not finish within {Timeout}; leftovers are kept until the next start")]
    private static partial void LogScanTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "MQTT discovery: HA came online; announcing everything again")]
    private static partial void LogBirth(ILogger logger);

    // Payloads come from anyone who can publish to the broker: log at most this much of one (a 10 MB command was one log line).
    private const int LoggedPayloadChars = 256;

    private static void LogCommand(ILogger logger, string uniqueId, string suffix, string payload) =>
        LogCommandExcerpt(logger, uniqueId, suffix, Excerpt(payload));

    private static void LogCommandRejected(ILogger logger, string uniqueId, string suffix, string reason, string payload) =>
        LogCommandRejectedExcerpt(logger, uniqueId, suffix, reason, Excerpt(payload));

    private static string Excerpt(string payload)
    {
        if (payload.Length <= LoggedPayloadChars)
        {
            return payload;
        }

        var cut = char.IsHighSurrogate(payload[LoggedPayloadChars - 1]) ? LoggedPayloadChars - 1 : LoggedPayloadChars;
        return string.Create(CultureInfo.InvariantCulture, $"{payload[..cut]}… ({payload.Length:N0} characters in all)");
    }

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "MQTT command for {UniqueId} ({Suffix}): {Payload}")]
    private static partial void LogCommandExcerpt(ILogger logger, string uniqueId, string suffix, string payload);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "MQTT command for {UniqueId} ({Suffix}) rejected, {Reason}: '{Payload}'")]
    private static partial void LogCommandRejectedExcerpt(ILogger logger, string uniqueId, string suffix, string reason, string payload);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "MQTT command for {UniqueId} ({Suffix}): the app's handler threw")]
    private static partial void LogCommandHandlerFailed(ILogger logger, Exception ex, string uniqueId, string suffix);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "MQTT command on {Topic} matches no declared entity; ignored")]
    private static partial void LogUnroutedCommand(ILogger logger, string topic);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "MQTT discovery: could not publish to {Topic}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string reason);
}
