namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Everything the brain is configured with. Bound from, in this order (later wins): these
/// defaults, the YAML config file, the add-on's <c>/data/options.json</c>, then the environment.
/// Keys are the property names in snake_case.
/// </summary>
internal sealed class BrainOptions
{
    /// <summary>How to reach Home Assistant.</summary>
    /// <value>Default: null (not connected; <c>run</c> needs it, <c>demo</c> does not).</value>
    [ConfigKey("homeassistant")]
    public HomeAssistantOptions? HomeAssistant { get; set; }

    /// <summary>The MQTT broker for discovery entities and MQTT devices.</summary>
    /// <value>Default: null (no broker).</value>
    public MqttOptions? Mqtt { get; set; }

    /// <summary>Where run-time state is stored.</summary>
    /// <value>Default: a data directory chosen by mode (see <see cref="StorageOptions.Path"/>).</value>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>The audit trail's retention (<c>audit:</c>).</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>The HTTP API.</summary>
    /// <value>Default: <c>127.0.0.1:8099</c>.</value>
    public HttpOptions Http { get; set; } = new();

    /// <summary>Log level and format.</summary>
    /// <value>Default: Information, JSON.</value>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>Telemetry recording: the outbox and QuestDB/InfluxDB sinks.</summary>
    /// <value>Default: the embedded store only, outbox 256 MiB.</value>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Driver plugins to load.</summary>
    /// <value>Default: none.</value>
    public PluginsOptions Plugins { get; set; } = new();

    /// <summary>Alerts to people: HA mobile app, Telegram, other notify services, quiet hours, escalation.</summary>
    /// <value>Default: no people (alerts reach HA's event bus and persistent notifications only).</value>
    public NotifySection Notify { get; set; } = new();

    /// <summary>Per-app switches and options, by app id (<c>apps.&lt;id&gt;</c>).</summary>
    /// <value>Default: empty (every app on, with its default options).</value>
    public IReadOnlyDictionary<string, AppSection> Apps { get; set; } = new Dictionary<string, AppSection>(StringComparer.Ordinal);
}
