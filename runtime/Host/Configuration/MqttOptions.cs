namespace ProofOfHeat.Host.Configuration;

/// <summary>The MQTT broker (<c>mqtt:</c>).</summary>
internal sealed class MqttOptions
{
    /// <summary>The broker URL, such as <c>mqtt://127.0.0.1:1883</c>.</summary>
    /// <value>Required when the section is present; env <c>POH_MQTT_URL</c>.</value>
    [UriSchemes("mqtt", "mqtts")]
    public required Uri Url { get; set; }

    /// <summary>The user name.</summary>
    /// <value>Default: null (anonymous).</value>
    public string? Username { get; set; }

    /// <summary>The password. Never logged.</summary>
    /// <value>Default: null.</value>
    [Secret]
    public string? Password { get; set; }

    /// <summary>Zigbee2MQTT devices as entities.</summary>
    /// <value>Default: null (none).</value>
    [ConfigKey("zigbee2mqtt")]
    public Zigbee2MqttSection? Zigbee2Mqtt { get; set; }
}
