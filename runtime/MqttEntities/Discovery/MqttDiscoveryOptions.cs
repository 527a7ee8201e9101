namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>Where the brain's entities live on the broker and how Home Assistant learns about them.</summary>
public sealed class MqttDiscoveryOptions
{
    /// <summary>HA's discovery prefix (the MQTT integration option of the same name).</summary>
    /// <value>Default <c>homeassistant</c>.</value>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>The root of our own state, command and availability topics.</summary>
    /// <value>Default <c>poh</c>.</value>
    public string BaseTopic { get; set; } = "poh";

    /// <summary>
    /// This brain's id: it prefixes device ids in discovery topics and every <c>unique_id</c>, so two brains on one
    /// broker never touch each other's entities. Only <c>[a-zA-Z0-9_-]</c>.
    /// </summary>
    /// <value>Default <c>poh</c>.</value>
    public string NodeId { get; set; } = "poh";

    /// <summary>The origin <c>name</c> (required for device discovery; it shows in HA's log). Retained configs with
    /// another origin are never removed by us.</summary>
    /// <value>Default <c>proof-of-heat</c>.</value>
    public string OriginName { get; set; } = "proof-of-heat";

    /// <summary>The origin <c>sw_version</c>, or null.</summary>
    public string? OriginVersion { get; set; }

    /// <summary>The origin <c>support_url</c>, or null.</summary>
    public string? OriginSupportUrl { get; set; }

    /// <summary>The topic HA publishes its birth and last-will messages on.</summary>
    /// <value>Default <c>homeassistant/status</c>.</value>
    public string HomeAssistantStatusTopic { get; set; } = "homeassistant/status";

    /// <summary>How long the start-up scan of retained discovery configs may take before it is given up (nothing is
    /// removed then; the scan is tried again on the next connect).</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan ScanTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Our availability topic: the client's last will publishes <c>offline</c> here, we publish
    /// <c>online</c> after every connect, and every entity points at it.</summary>
    public string AvailabilityTopic => $"{BaseTopic}/status";

    /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DiscoveryPrefix, nameof(DiscoveryPrefix));
        ArgumentException.ThrowIfNullOrWhiteSpace(BaseTopic, nameof(BaseTopic));
        ArgumentException.ThrowIfNullOrWhiteSpace(OriginName, nameof(OriginName));
        ArgumentException.ThrowIfNullOrWhiteSpace(HomeAssistantStatusTopic, nameof(HomeAssistantStatusTopic));
        DiscoveryIds.EnsureValid(NodeId, nameof(NodeId));
        if (BaseTopic.Contains('+', StringComparison.Ordinal) || BaseTopic.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("The base topic may not contain wildcards.", nameof(BaseTopic));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ScanTimeout, TimeSpan.Zero, nameof(ScanTimeout));
    }
}
