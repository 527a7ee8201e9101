namespace ProofOfHeat.Host.Configuration;

/// <summary>The environment variables the brain reads.</summary>
internal static class EnvironmentNames
{
    /// <summary>The config file, when <c>--config</c> is not given.</summary>
    public const string Config = "POH_CONFIG";

    /// <summary>Overrides <c>homeassistant.url</c>.</summary>
    public const string HaUrl = "POH_HA_URL";

    /// <summary>Overrides <c>homeassistant.token</c>.</summary>
    public const string HaToken = "POH_HA_TOKEN";

    /// <summary>Overrides <c>mqtt.url</c>.</summary>
    public const string MqttUrl = "POH_MQTT_URL";

    /// <summary>Overrides where the add-on's options are read (tests, plain <c>docker run</c>).</summary>
    public const string OptionsFile = "POH_OPTIONS_FILE";

    /// <summary>Set by the Supervisor inside an add-on: its presence means add-on mode.</summary>
    public const string SupervisorToken = "SUPERVISOR_TOKEN";

    /// <summary>Overrides the Supervisor API address (tests, or an add-on on a custom network).</summary>
    public const string SupervisorUrl = "POH_SUPERVISOR_URL";

    /// <summary>The add-on's options file written by the Supervisor.</summary>
    public const string AddonOptionsPath = "/data/options.json";

    /// <summary>The add-on's persistent volume.</summary>
    public const string AddonDataDirectory = "/data";

    /// <summary>Home Assistant's WebSocket API through the Supervisor's proxy.</summary>
    public const string SupervisorWebSocketUrl = "ws://supervisor/core/websocket";
}
