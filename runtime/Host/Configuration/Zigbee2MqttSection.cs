namespace ProofOfHeat.Host.Configuration;

/// <summary>Zigbee2MQTT devices the apps use like HA entities (<c>mqtt.zigbee2mqtt:</c>), even while HA is away.</summary>
internal sealed class Zigbee2MqttSection
{
    /// <summary>Zigbee2MQTT's base topic.</summary>
    /// <value>Default: <c>zigbee2mqtt</c>.</value>
    public string BaseTopic { get; set; } = "zigbee2mqtt";

    /// <summary>The device properties that become entities.</summary>
    /// <value>Default: none.</value>
    public List<Zigbee2MqttDeviceSection> Devices { get; set; } = [];
}
