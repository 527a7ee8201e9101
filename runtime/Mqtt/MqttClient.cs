using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Mqtt.Connection;

namespace ProofOfHeat.Mqtt;

/// <summary>
/// An MQTT 3.1.1 client that keeps itself connected. Publishing never waits for the network: messages go into a
/// bounded queue (oldest dropped past the bound) and out whenever a connection is up. QoS 1 messages not yet
/// acknowledged are sent again with DUP after a reconnect, and subscriptions are restored.
/// </summary>
/// <remarks>
/// Shaped like MQTTnet's client: options object, <c>ConnectAsync</c>, <c>PublishAsync</c>, <c>SubscribeAsync</c>,
/// <c>DisconnectAsync</c>. Handlers run on one dispatch loop, in order, fed through a bounded channel so the socket
/// reader never runs handler code. MQTTnet 5.2 itself was measured under this facade as the wire layer and not
/// kept: it spent about twice the CPU per message (bench/Mqtt/README.md).
/// </remarks>
public sealed class MqttClient : IAsyncDisposable
{
    private readonly MqttClientSession _session;

    /// <summary>Creates a client; nothing connects until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Where and how to connect; validated here and not to be changed afterwards.</param>
    /// <param name="timeProvider">The clock for keep-alive, timeouts and reconnect backoff.</param>
    /// <param name="logger">Where to log; null for none.</param>
    public MqttClient(MqttClientOptions options, TimeProvider timeProvider, ILogger<MqttClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        Options = options;
        _session = new MqttClientSession(
            options,
            timeProvider,
            (ILogger?)logger ?? NullLogger.Instance,
            sessionPresent => Connected?.Invoke(this, new MqttClientConnectedEventArgs(sessionPresent)),
            reason => Disconnected?.Invoke(this, new MqttClientDisconnectedEventArgs(reason)));
    }

    /// <summary>Raised after every successful (re)connect, once subscriptions are restored. Keep handlers short.</summary>
    public event EventHandler<MqttClientConnectedEventArgs>? Connected;

    /// <summary>Raised when an established connection ends. Keep handlers short.</summary>
    public event EventHandler<MqttClientDisconnectedEventArgs>? Disconnected;

    /// <summary>The options the client was created with.</summary>
    public MqttClientOptions Options { get; }

    /// <summary>Whether a connection is established right now.</summary>
    public bool IsConnected => _session.IsConnected;

    /// <summary>Messages dropped from the full outgoing queue since the client was created.</summary>
    public long DroppedMessageCount => _session.DroppedMessageCount;

    /// <summary>Messages waiting in the outgoing queue.</summary>
    public int QueuedMessageCount => _session.QueuedMessageCount;

    /// <summary>QoS 1 messages sent and awaiting their PUBACK.</summary>
    public int InflightMessageCount => _session.InflightMessageCount;

    /// <summary>
    /// Starts the connection loop and waits for the first accepted CONNACK. Network failures are retried with
    /// backoff until <paramref name="cancellationToken"/> fires (the loop keeps trying in the background); a final
    /// refusal throws <see cref="MqttAuthenticationException"/> or <see cref="MqttConnectException"/> and stops.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => _session.ConnectAsync(cancellationToken);

    /// <summary>Queues <paramref name="message"/> and returns at once; see <see cref="MqttPublishReceipt.Delivered"/>.</summary>
    /// <exception cref="ArgumentException">The topic is not a valid topic name (wildcards, empty, U+0000, too long) or QoS 2 was asked for.</exception>
    public ValueTask<MqttPublishReceipt> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_session.Publish(message));
    }

    /// <summary>Queues a message with a binary payload.</summary>
    public ValueTask<MqttPublishReceipt> PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce,
        bool retain = false,
        CancellationToken cancellationToken = default) =>
        PublishAsync(new MqttApplicationMessage(topic, payload, qualityOfService, retain), cancellationToken);

    /// <summary>Queues a message with a UTF-8 text payload.</summary>
    public ValueTask<MqttPublishReceipt> PublishAsync(
        string topic,
        string payload,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce,
        bool retain = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return PublishAsync(new MqttApplicationMessage(topic, Encoding.UTF8.GetBytes(payload), qualityOfService, retain), cancellationToken);
    }

    /// <summary>
    /// Subscribes <paramref name="handler"/> to <paramref name="topicFilter"/> ('+' and '#' allowed). When connected it
    /// waits for the SUBACK; when not, the subscription is sent on connect. It is restored after every reconnect.
    /// A QoS 1 message is acknowledged after all matching handlers returned.
    /// </summary>
    /// <exception cref="MqttSubscribeException">The broker refused the filter (SUBACK 0x80).</exception>
    public Task<MqttSubscription> SubscribeAsync(
        string topicFilter,
        Func<MqttApplicationMessage, CancellationToken, ValueTask> handler,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtLeastOnce,
        CancellationToken cancellationToken = default) =>
        _session.SubscribeAsync(topicFilter, qualityOfService, handler, cancellationToken);

    /// <summary>Sends DISCONNECT (so the broker discards the will), stops reconnecting, and fails what is still queued.</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) => _session.DisconnectAsync(cancellationToken);

    /// <summary>Raised on the socket reader for every PINGRESP; tests use it to watch keep-alive work.</summary>
    internal event Action? PingResponseReceived
    {
        add => _session.PingResponseReceived += value;
        remove => _session.PingResponseReceived -= value;
    }

    /// <summary>Closes the socket without DISCONNECT, like a crash (tests use it to see the will). The client reconnects.</summary>
    internal void AbortConnection() => _session.AbortConnection();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
