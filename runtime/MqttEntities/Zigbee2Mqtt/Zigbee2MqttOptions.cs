namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>The Zigbee2MQTT devices the brain reads and commands directly, without HA in the loop.</summary>
public sealed class Zigbee2MqttOptions
{
    /// <summary>Zigbee2MQTT's base topic.</summary>
    /// <value>Default <c>zigbee2mqtt</c>.</value>
    public string BaseTopic { get; set; } = "zigbee2mqtt";

    /// <summary>The entities, one per device property.</summary>
    public IList<Zigbee2MqttEntityOptions> Entities { get; } = [];

    /// <summary>How long a service call waits for the broker to acknowledge the set command before it fails (the
    /// command stays queued and still goes out when the broker returns).</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(BaseTopic, nameof(BaseTopic));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CommandTimeout, TimeSpan.Zero, nameof(CommandTimeout));
        foreach (var entity in Entities)
        {
            entity.Validate();
        }

        var duplicate = Entities.GroupBy(e => e.ResolvedEntityId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Entity id '{duplicate.Key}' is configured twice.", nameof(Entities));
        }
    }
}
