namespace ProofOfHeat.Host.Configuration;

/// <summary>One Zigbee2MQTT device property as an entity (<c>mqtt.zigbee2mqtt.devices[i]</c>).</summary>
internal sealed class Zigbee2MqttDeviceSection
{
    /// <summary>The device's friendly name in Zigbee2MQTT: its topic is <c>zigbee2mqtt/&lt;name&gt;</c>.</summary>
    /// <value>Required.</value>
    public required string Name { get; set; }

    /// <summary>The property of its JSON state, such as <c>water_leak</c>, <c>temperature</c> or <c>state</c>.</summary>
    /// <value>Required.</value>
    public required string Property { get; set; }

    /// <summary>The entity id apps use, such as <c>binary_sensor.leak_kitchen</c>.</summary>
    /// <value>Default: <c>&lt;domain&gt;.&lt;name&gt;_&lt;property&gt;</c>.</value>
    public string? EntityId { get; set; }

    /// <summary>The entity's domain when <see cref="EntityId"/> is not given: sensor, binary_sensor, switch, valve, number or select.</summary>
    /// <value>Default: sensor.</value>
    public string? Domain { get; set; }

    /// <summary>After this long without a message the entity is <c>unavailable</c>.</summary>
    /// <value>Default: never (Zigbee2MQTT's own availability still applies).</value>
    public TimeSpan? StaleAfter { get; set; }

    /// <summary>The property's value for on/open/true.</summary>
    /// <value>Default: ON.</value>
    public string PayloadOn { get; set; } = "ON";

    /// <summary>The property's value for off/closed/false.</summary>
    /// <value>Default: OFF.</value>
    public string PayloadOff { get; set; } = "OFF";

    /// <summary>The unit, for sensors.</summary>
    /// <value>Default: none.</value>
    public string? Unit { get; set; }

    /// <summary>The device class, for sensors and binary sensors.</summary>
    /// <value>Default: none.</value>
    public string? DeviceClass { get; set; }
}
