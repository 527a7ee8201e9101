using System.Buffers;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt.Codec;
using ProofOfHeat.Mqtt.Diagnostics;
using ProofOfHeat.Mqtt.Packets;
using ProofOfHeat.Mqtt.Topics;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// The engine behind <see cref="MqttClient"/>: the outgoing queue, in-flight QoS 1 messages, subscriptions and the
/// owned loops (connect/reconnect, read, write, keep-alive, dispatch). This part holds the state and the operations
/// the client exposes; the loops live in the other partial files.
/// </summary>
internal sealed partial class MqttClientSession : IAsyncDisposable
{
    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a connection must stay up before the reconnect backoff starts again from its initial delay.</summary>
    internal static readonly TimeSpan StableConnectionTime = TimeSpan.FromSeconds(60);
    private readonly MqttClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly PacketIdentifierPool _identifiers = new();
    private readonly OutgoingQueue _outgoing;
    private readonly InflightPublishes _inflight;
    private readonly PendingAcknowledgements _pending = new();
    private readonly SubscriptionRegistry _subscriptions = new();
    private readonly Channel<IncomingPublish> _incoming;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _startGate = new();
    private readonly OversizedMessageWarnings _oversizedWarnings;
    private readonly Action<bool> _onConnected;
    private readonly Action<Exception?> _onDisconnected;
    private Task? _runTask;
    private Task? _dispatchTask;
    private MqttConnection? _current;
    private Exception? _finalError;
    private int _failedAttempts;
    private long? _connectedAt;
    private int _stopping;
    private long _lastDropReport;

    public MqttClientSession(
        MqttClientOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Action<bool> onConnected,
        Action<Exception?> onDisconnected)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _onConnected = onConnected;
        _onDisconnected = onDisconnected;
        _endpoint = options.ToString();
        _oversizedWarnings = new OversizedMessageWarnings(logger, options.MaxIncomingPacketSize);
        _outgoing = new OutgoingQueue(options.MaxQueuedMessages);
        _inflight = new InflightPublishes(options.MaxInflightMessages, _identifiers);
        _incoming = Channel.CreateBounded<IncomingPublish>(new BoundedChannelOptions(options.IncomingQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
    }

    /// <summary>Raised on the read loop for every PINGRESP (tests observe keep-alive with it).</summary>
    public event Action? PingResponseReceived;

    public bool IsConnected => Volatile.Read(ref _current) is not null;

    public long DroppedMessageCount => _outgoing.DroppedTotal;

    public int QueuedMessageCount => _outgoing.Count;

    public int InflightMessageCount => _inflight.Count;

    /// <summary>Starts the loops (once) and waits for the first successful CONNACK or a final refusal.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopping) != 0, this);
        lock (_startGate)
        {
            if (_runTask is null)
            {
                _dispatchTask = Task.Run(() => DispatchLoopAsync(_stop.Token), CancellationToken.None);
                _runTask = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
            }
        }

        await _firstConnection.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a message; never waits for the network.</summary>
    public MqttPublishReceipt Publish(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        MqttTopicValidator.ValidateTopicName(message.Topic, nameof(message));
        if (message.QualityOfService is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentException("Only QoS 0 and QoS 1 are supported.", nameof(message));
        }

        if (message.Payload.Length > MqttRemainingLength.MaxValue - 4 - Encoding.UTF8.GetByteCount(message.Topic))
        {
            throw new ArgumentException("The payload does not fit into one MQTT packet (268,435,455 bytes).", nameof(message));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopping) != 0, this);
        if (_finalError is { } final)
        {
            throw new InvalidOperationException($"The MQTT client has stopped: {final.Message}", final);
        }

        var delivery = message.QualityOfService == MqttQualityOfService.AtLeastOnce
            ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
            : null;
        var queued = _outgoing.Enqueue(new OutgoingPublish(message.Topic, message.Payload, message.QualityOfService, message.Retain, delivery));
        ObjectDisposedException.ThrowIf(!queued, this);

        ReportDrops(force: false);
        return new MqttPublishReceipt(delivery?.Task ?? Task.CompletedTask);
    }

    /// <summary>Registers a subscription and, when connected, waits for the broker's SUBACK.</summary>
    public async Task<MqttSubscription> SubscribeAsync(
        string topicFilter,
        MqttQualityOfService qualityOfService,
        Func<MqttApplicationMessage, CancellationToken, ValueTask> handler,
        CancellationToken cancellationToken)
    {
        MqttTopicValidator.ValidateTopicFilter(topicFilter, nameof(topicFilter));
        ArgumentNullException.ThrowIfNull(handler);
        if (qualityOfService is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentException("Only QoS 0 and QoS 1 are supported.", nameof(qualityOfService));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopping) != 0, this);
        var subscription = new MqttSubscription(this, topicFilter, qualityOfService, handler);
        if (!_subscriptions.Add(subscription) || Volatile.Read(ref _current) is not { } connection)
        {
            // Already subscribed at the broker, or not connected: the (re)connect subscribes.
            return subscription;
        }

        MqttPacket acknowledgement;
        try
        {
            acknowledgement = await RequestAsync(
                connection,
                id => new MqttSubscribePacket(id, [new MqttTopicSubscription(topicFilter, qualityOfService)]),
                cancellationToken);
        }
        catch (MqttCommunicationException)
        {
            return subscription; // the connection broke; the reconnect subscribes again
        }
        catch (OperationCanceledException)
        {
            _subscriptions.Remove(subscription);
            throw;
        }

        if (acknowledgement is not MqttSubAckPacket { ReturnCodes.Count: 1 } subAck)
        {
            throw new MqttProtocolException("The broker answered SUBSCRIBE with a malformed SUBACK.");
        }

        if (subAck.ReturnCodes[0] == MqttSubAckPacket.Failure)
        {
            _subscriptions.Remove(subscription);
            throw new MqttSubscribeException($"The broker refused the subscription to '{topicFilter}' (SUBACK 0x80).")
            {
                TopicFilter = topicFilter,
            };
        }

        return subscription;
    }

    /// <summary>Removes a subscription; sends UNSUBSCRIBE when it was the last one for its filter.</summary>
    public async Task UnsubscribeAsync(MqttSubscription subscription, CancellationToken cancellationToken)
    {
        if (!_subscriptions.Remove(subscription) || Volatile.Read(ref _current) is not { } connection)
        {
            return;
        }

        try
        {
            await RequestAsync(connection, id => new MqttUnsubscribePacket(id, [subscription.TopicFilter]), cancellationToken);
        }
        catch (MqttCommunicationException)
        {
            // The connection broke; with a clean session the subscription is gone anyway.
        }
    }

    /// <summary>Closes the socket without DISCONNECT, as a crash would (the broker publishes the will). The client reconnects.</summary>
    internal void AbortConnection() => Volatile.Read(ref _current)?.Abort();

    /// <summary>Sends DISCONNECT when connected, then stops every loop and fails what is still queued.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            await WaitForLoopsAsync();
            return;
        }

        if (Volatile.Read(ref _current) is { } connection)
        {
            using var timeout = new CancellationTokenSource(_options.CommunicationTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await connection.SendPacketAsync(MqttDisconnectPacket.Instance, linked.Token);
                _logger.Disconnected(_endpoint);
            }
            catch (MqttCommunicationException)
            {
                // Already gone.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // The broker does not take bytes any more; closing anyway.
            }
        }

        await _stop.CancelAsync();
        _incoming.Writer.TryComplete();
        await WaitForLoopsAsync();
        var reason = new ObjectDisposedException(nameof(MqttClient), "The MQTT client was disconnected before the message was delivered.");
        _outgoing.Close(reason);
        _inflight.FailAll(reason);
        _pending.FailAll(reason);
        _firstConnection.TrySetException(reason);
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None);
        _stop.Dispose();
        _inflight.Dispose();
    }

    private async Task WaitForLoopsAsync()
    {
        Task[] loops;
        lock (_startGate)
        {
            loops = new[] { _runTask, _dispatchTask }.OfType<Task>().ToArray();
        }

        await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<MqttPacket> RequestAsync(MqttConnection connection, Func<ushort, MqttPacket> build, CancellationToken cancellationToken)
    {
        var identifier = _identifiers.Allocate();
        try
        {
            var acknowledgement = _pending.Register(identifier);
            await connection.SendPacketAsync(build(identifier), cancellationToken);
            return await acknowledgement.WaitAsync(_options.CommunicationTimeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new MqttCommunicationException($"No acknowledgement from the broker within {_options.CommunicationTimeout}.", ex);
        }
        finally
        {
            _pending.Remove(identifier);
            _identifiers.Release(identifier);
        }
    }

    /// <summary>Logs queue drops: at most every <see cref="DropReportInterval"/> while publishing, always when <paramref name="force"/>.</summary>
    private void ReportDrops(bool force)
    {
        if (!_outgoing.HasUnreportedDrops)
        {
            return;
        }

        var now = _timeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropReport);
        if (!force && last != 0 && _timeProvider.GetElapsedTime(last, now) < DropReportInterval)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastDropReport, now, last) == last && _outgoing.TakeUnreportedDrops() is var dropped and > 0)
        {
            _logger.MessagesDropped(_outgoing.Capacity, dropped, _outgoing.DroppedTotal);
        }
    }
}
