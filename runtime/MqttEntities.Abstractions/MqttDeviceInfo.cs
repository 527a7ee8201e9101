namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// A device as HA's device registry shows it. Every entity of the brain belongs to one; the device is announced as one
/// retained message on <c>&lt;prefix&gt;/device/&lt;node&gt;_&lt;id&gt;/config</c>.
/// </summary>
/// <param name="Id">Stable id (<c>[a-zA-Z0-9_-]</c>): part of topics and unique ids, so never derive it from a display name.</param>
/// <param name="Name">The device name HA shows.</param>
public sealed record MqttDeviceInfo(string Id, string Name)
{
    /// <summary>The manufacturer, or null.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>The model, or null.</summary>
    public string? Model { get; init; }

    /// <summary>The software version, or null.</summary>
    public string? SoftwareVersion { get; init; }

    /// <summary>The area HA suggests when the device first appears, or null.</summary>
    public string? SuggestedArea { get; init; }

    /// <summary>
    /// Whether the device reports its own availability (a miner that can be unreachable) besides the brain's: its
    /// entities are then available only while both say <c>online</c> (see <see cref="MqttDiscoveryDevice.SetAvailable"/>).
    /// </summary>
    public bool HasOwnAvailability { get; init; }
}
