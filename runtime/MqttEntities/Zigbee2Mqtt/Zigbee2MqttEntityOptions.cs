namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// One app-model entity backed by one property of a Zigbee2MQTT device: state from <c>zigbee2mqtt/&lt;name&gt;</c>
/// (a JSON object), commands to <c>zigbee2mqtt/&lt;name&gt;/set</c> as <c>{"&lt;property&gt;": value}</c>.
/// </summary>
/// <remarks>
/// Config shape (YAML): <c>{ name: leak_kitchen, property: water_leak, entity_id: binary_sensor.leak_kitchen,
/// stale_after: 25:00:00 }</c>. The entity id's domain decides the state mapping and the services it takes:
/// <c>binary_sensor</c>, <c>sensor</c> (read only); <c>switch</c> (turn_on/turn_off/toggle), <c>valve</c>
/// (open_valve/close_valve/toggle; states <c>open</c>/<c>closed</c>), <c>number</c> (set_value), <c>select</c>
/// (select_option).
/// </remarks>
public sealed class Zigbee2MqttEntityOptions
{
    /// <summary>The device's friendly name in Zigbee2MQTT (the topic level after the base topic).</summary>
    public string FriendlyName { get; set; } = string.Empty;

    /// <summary>The property in the device's JSON state (<c>water_leak</c>, <c>state</c>, <c>temperature</c> …).</summary>
    public string Property { get; set; } = string.Empty;

    /// <summary>The entity id apps use (<c>binary_sensor.leak_kitchen</c>); when empty, <c>&lt;Domain&gt;.&lt;name&gt;_&lt;property&gt;</c>.</summary>
    public string? EntityId { get; set; }

    /// <summary>The domain, used only when <see cref="EntityId"/> is empty.</summary>
    public string? Domain { get; set; }

    /// <summary>After how long without any message from the device the entity becomes <c>unavailable</c>; null never.</summary>
    /// <remarks>Pick it above the device's check-in interval (battery sensors report at least hourly; mains devices more often).</remarks>
    public TimeSpan? StaleAfter { get; set; }

    /// <summary>The "on" value for switch-like domains (Zigbee2MQTT's default is <c>ON</c>).</summary>
    public string PayloadOn { get; set; } = "ON";

    /// <summary>The "off" value for switch-like domains.</summary>
    public string PayloadOff { get; set; } = "OFF";

    /// <summary>The <c>friendly_name</c> attribute; defaults to the device's friendly name.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>unit_of_measurement</c> attribute, or null.</summary>
    public string? Unit { get; set; }

    /// <summary>The <c>device_class</c> attribute, or null.</summary>
    public string? DeviceClass { get; set; }

    /// <summary>The effective entity id.</summary>
    public string ResolvedEntityId => !string.IsNullOrWhiteSpace(EntityId)
        ? EntityId
        : $"{Domain ?? "sensor"}.{Slug(FriendlyName)}_{Slug(Property)}";

    /// <summary>Throws <see cref="ArgumentException"/> when the entity cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(FriendlyName, nameof(FriendlyName));
        ArgumentException.ThrowIfNullOrWhiteSpace(Property, nameof(Property));
        if (FriendlyName.AsSpan().IndexOfAny("+#") >= 0)
        {
            throw new ArgumentException($"Friendly name '{FriendlyName}' may not contain MQTT wildcards.", nameof(FriendlyName));
        }

        var id = ResolvedEntityId;
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == id.Length - 1)
        {
            throw new ArgumentException($"Entity id '{id}' must be '<domain>.<object_id>'.", nameof(EntityId));
        }

        if (!Zigbee2MqttValueMapper.SupportedDomains.Contains(id[..dot]))
        {
            throw new ArgumentException(
                $"Entity id '{id}': domain must be one of {string.Join(", ", Zigbee2MqttValueMapper.SupportedDomains)}.", nameof(EntityId));
        }

        if (StaleAfter is { } stale && stale <= TimeSpan.Zero)
        {
            throw new ArgumentException("StaleAfter must be positive.", nameof(StaleAfter));
        }
    }

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
}
