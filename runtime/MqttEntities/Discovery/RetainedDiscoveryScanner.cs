using System.Collections.Concurrent;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// Finds what an earlier run announced by reading the retained device configs back from the broker, so no local
/// store is needed and a reinstall still cleans up. The broker sends retained messages right after the SUBACK, before
/// anything we publish later; so a marker message published after subscribing arrives after the last retained config.
/// </summary>
internal static class RetainedDiscoveryScanner
{
    /// <summary>
    /// The device configs under our node id and origin name, or null when the marker did not come back within the
    /// scan timeout (the connection dropped, for instance).
    /// </summary>
    public static async Task<IReadOnlyList<AnnouncedDevice>?> ScanAsync(
        MqttClient client,
        MqttDiscoveryOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, AnnouncedDevice>(StringComparer.Ordinal);
        var markerTopic = $"{options.BaseTopic}/scan/{Guid.NewGuid():N}";
        var markerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prefix = $"{options.DiscoveryPrefix}/device/";
        var ownPrefix = options.NodeId + "_";

        ValueTask OnConfig(MqttApplicationMessage message, CancellationToken token)
        {
            var objectId = message.Topic[prefix.Length..^"/config".Length];
            if (message.Payload.Length > 0 && objectId.StartsWith(ownPrefix, StringComparison.Ordinal)
                && DevicePayloadBuilder.Parse(objectId, message.PayloadAsString(), options.BaseTopic) is { } device
                && device.OriginName == options.OriginName)
            {
                found[objectId] = device;
            }

            return ValueTask.CompletedTask;
        }

        ValueTask OnMarker(MqttApplicationMessage message, CancellationToken token)
        {
            markerSeen.TrySetResult();
            return ValueTask.CompletedTask;
        }

        var configs = await client.SubscribeAsync($"{prefix}+/config", OnConfig, MqttQualityOfService.AtLeastOnce, cancellationToken);
        var marker = await client.SubscribeAsync(markerTopic, OnMarker, MqttQualityOfService.AtLeastOnce, cancellationToken);
        try
        {
            await client.PublishAsync(markerTopic, "scan", MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
            await markerSeen.Task.WaitAsync(options.ScanTimeout, timeProvider, cancellationToken);
            return [.. found.Values];
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await configs.DisposeAsync();
            await marker.DisposeAsync();
        }
    }
}
