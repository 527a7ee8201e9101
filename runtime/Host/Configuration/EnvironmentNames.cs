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

    /// <summary>
    /// Overrides the Supervisor's address, <c>http://supervisor/</c> (tests and development only): the services API
    /// and, in add-on mode, Home Assistant's WebSocket behind it (<c>ws://…/core/websocket</c>).
    /// </summary>
    public const string SupervisorUrl = "POH_SUPERVISOR_URL";

    /// <summary>Overrides the add-on's persistent folder <c>/data</c> (tests and development only): the store and <c>options.json</c>.</summary>
    public const string DataDir = "POH_DATA_DIR";

    /// <summary>Overrides the add-on's own config folder <c>/config</c> (tests and development only), where <c>poh.yaml</c> lives.</summary>
    public const string AddonConfigDir = "POH_ADDON_CONFIG_DIR";

    /// <summary>
    /// Overrides <c>http.ingress_proxy</c>, the only address whose identity headers count in add-on mode (tests only:
    /// the add-on sandbox test sends ingress requests from loopback).
    /// </summary>
    public const string IngressProxy = "POH_INGRESS_PROXY";

    /// <summary>
    /// The add-on's own config folder in the container: <c>map: addon_config</c> mounts
    /// <c>/addon_configs/&lt;repo&gt;_&lt;slug&gt;</c> at <c>/config</c> (home-assistant/supervisor
    /// <c>supervisor/docker/const.py</c>, developers.home-assistant <c>docs/apps/configuration.md</c>).
    /// </summary>
    public const string AddonConfigDirectory = "/config";

    /// <summary>The add-on's persistent volume (<c>data</c> is always mapped read-write at <c>/data</c>: supervisor <c>docker/const.py</c>).</summary>
    public const string AddonDataDirectory = "/data";
}
