namespace ProofOfHeat.Mqtt;

/// <summary>How an <see cref="MqttClient"/> connects, and the limits it works within.</summary>
public sealed class MqttClientOptions
{
    /// <summary>The broker host name or address.</summary>
    /// <value>Default <c>localhost</c>.</value>
    public string Host { get; set; } = "localhost";

    /// <summary>The broker TCP port.</summary>
    /// <value>Default 1883 (8883 is the usual TLS port).</value>
    public int Port { get; set; } = 1883;

    /// <summary>The client identifier sent in CONNECT.</summary>
    /// <value>Default <c>poh-</c> plus 12 random hex digits.</value>
    public string ClientId { get; set; } = "poh-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The user name, or null for none.</summary>
    public string? UserName { get; set; }

    /// <summary>The password, or null for none. It is never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Whether the broker discards session state at connect (MQTT 3.1.1 §3.1.2.4).</summary>
    /// <value>Default true. Subscriptions are restored by the client itself after every reconnect.</value>
    public bool CleanSession { get; set; } = true;

    /// <summary>The keep-alive interval: a PINGREQ goes out when the line is quiet, and no traffic for 1.5× this means a dead connection.</summary>
    /// <value>Default 30 s. <see cref="TimeSpan.Zero"/> turns keep-alive off.</value>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The last will the broker publishes when this client vanishes without DISCONNECT, or null for none.</summary>
    public MqttLastWill? LastWill { get; set; }

    /// <summary>How long the TCP/TLS connect plus CONNACK, a SUBACK/UNSUBACK, or a stuck write may take.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan CommunicationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnect delay; it doubles on each failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    /// <value>Default 1 s.</value>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of the reconnect backoff.</summary>
    /// <value>Default 30 s.</value>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bound of the outgoing queue. Publishing never waits: past the bound the oldest queued message is dropped and counted.</summary>
    /// <value>Default 10,000.</value>
    public int MaxQueuedMessages { get; set; } = 10_000;

    /// <summary>How many QoS 1 messages may await their PUBACK at once.</summary>
    /// <value>Default 512.</value>
    public int MaxInflightMessages { get; set; } = 512;

    /// <summary>The bound of the channel between the socket reader and the subscription handlers.</summary>
    /// <value>Default 1,000. When full the reader waits (TCP back-pressure); it never runs handler code.</value>
    public int IncomingQueueCapacity { get; set; } = 1_000;

    /// <summary>The largest packet body accepted from the broker; bigger packets are a protocol error.</summary>
    /// <value>Default 16 MiB.</value>
    public int MaxIncomingPacketSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Whether to wrap the connection in TLS.</summary>
    /// <value>Default false; true for <c>mqtts://</c> URLs.</value>
    public bool UseTls { get; set; }

    /// <summary>A PEM or DER file holding the CA certificate that must sign the broker's certificate (instead of the system store).</summary>
    public string? TlsCaCertificatePath { get; set; }

    /// <summary>Accept any broker certificate. For test set-ups only: it disables the protection TLS gives.</summary>
    /// <value>Default false.</value>
    public bool TlsAllowUntrustedCertificates { get; set; }

    /// <summary>Parses <c>mqtt://user:pass@host:port</c> or <c>mqtts://…</c> (TLS, default port 8883) into options.</summary>
    /// <remarks>User name and password are percent-decoded. A <c>client_id</c> query parameter sets <see cref="ClientId"/>.</remarks>
    public static MqttClientOptions FromUrl(Uri url) => MqttUrlParser.Parse(url);

    /// <inheritdoc cref="FromUrl(Uri)"/>
    public static MqttClientOptions FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return MqttUrlParser.Parse(new Uri(url, UriKind.Absolute));
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentNullException.ThrowIfNull(ClientId, nameof(ClientId));
        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("An empty client id requires CleanSession (MQTT 3.1.1 §3.1.3.1).", nameof(ClientId));
        }

        if (Password is not null && UserName is null)
        {
            throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name.", nameof(Password));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(KeepAlive, TimeSpan.Zero, nameof(KeepAlive));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(KeepAlive.TotalSeconds, ushort.MaxValue, nameof(KeepAlive));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CommunicationTimeout, TimeSpan.Zero, nameof(CommunicationTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelay, TimeSpan.Zero, nameof(ReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReconnectDelay, ReconnectDelay, nameof(MaxReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuedMessages, 1, nameof(MaxQueuedMessages));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInflightMessages, 1, nameof(MaxInflightMessages));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInflightMessages, 60_000, nameof(MaxInflightMessages));
        ArgumentOutOfRangeException.ThrowIfLessThan(IncomingQueueCapacity, 1, nameof(IncomingQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIncomingPacketSize, 2, nameof(MaxIncomingPacketSize));
        if (LastWill is { } will)
        {
            Topics.MqttTopicValidator.ValidateTopicName(will.Topic, nameof(LastWill));
            if (will.Payload.Length > ushort.MaxValue)
            {
                throw new ArgumentException("The will payload may not exceed 65535 bytes.", nameof(LastWill));
            }
        }
    }

    /// <summary>The endpoint without credentials, safe to log.</summary>
    public override string ToString() => $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port} (client id {ClientId})";
}
