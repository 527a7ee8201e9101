using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// Zigbee2MQTT device properties as app-model entities: it subscribes once to all devices' state and availability topics,
/// keeps an HA-style <see cref="EntityState"/> per configured property (with a "last seen" staleness), reports changes
/// to one listener (the <see cref="MqttDevicesHomeBackend"/>), and turns service calls into set commands.
/// </summary>
public sealed partial class Zigbee2MqttDevices : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly Zigbee2MqttOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Zigbee2MqttEntity> _byEntityId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Zigbee2MqttEntity>> _byDevice = new(StringComparer.Ordinal);
    private readonly List<MqttSubscription> _subscriptions = [];
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private const string AvailabilitySuffix = "/availability";
    private Action<StateChange>? _listener;
    private bool _started;

    /// <summary>Creates the entities (state <c>unknown</c>) and arms their stale timers; nothing is subscribed until <see cref="StartAsync"/>.</summary>
    public Zigbee2MqttDevices(MqttClient client, Zigbee2MqttOptions options, TimeProvider timeProvider, ILogger<Zigbee2MqttDevices> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _client = client;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        var now = timeProvider.GetUtcNow();
        foreach (var config in options.Entities)
        {
            var entity = new Zigbee2MqttEntity(config, now);
            _byEntityId.Add(entity.EntityId, entity);
            if (!_byDevice.TryGetValue(config.FriendlyName, out var list))
            {
                _byDevice[config.FriendlyName] = list = [];
            }

            list.Add(entity);
            if (config.StaleAfter is { } staleAfter)
            {
                entity.StaleTimer = timeProvider.CreateTimer(OnStaleTimer, entity, staleAfter, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>The entity ids this registry owns.</summary>
    public IReadOnlyCollection<string> EntityIds => _byEntityId.Keys;

    /// <summary>Every entity's current state.</summary>
    public IReadOnlyCollection<EntityState> States
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. _byEntityId.Values.Select(e => e.State)];
            }
        }
    }

    /// <summary>One lock for the registry and the sink that merges it, so changes reach the runtime in order.</summary>
    internal object SyncRoot { get; } = new();

    /// <summary>Whether <paramref name="entityId"/> is a Zigbee2MQTT entity.</summary>
    public bool Owns(string entityId) => _byEntityId.ContainsKey(entityId);

    /// <summary>The current state of one entity, or null.</summary>
    public EntityState? GetState(string entityId)
    {
        lock (SyncRoot)
        {
            return _byEntityId.GetValueOrDefault(entityId)?.State;
        }
    }

    /// <summary>When the entity's device last sent a state message, or null.</summary>
    public DateTimeOffset? LastSeen(string entityId)
    {
        lock (SyncRoot)
        {
            return _byEntityId.GetValueOrDefault(entityId)?.LastSeen;
        }
    }

    /// <summary>
    /// Subscribes once to every device's state and availability: <c>zigbee2mqtt/+</c> and <c>zigbee2mqtt/+/availability</c>
    /// (one more pair per extra topic level, for friendly names with a <c>/</c>), and dispatches by the device name in the
    /// topic. Returns once the broker has acknowledged the filters (when connected; otherwise they go out on connect,
    /// before the client reports itself connected), so the backend reports ready only after that. Later calls return
    /// at once.
    /// </summary>
    /// <remarks>
    /// One subscription per device meant a window at start-up in which the first devices were subscribed and the last
    /// were not, and a non-retained message (a leak sensor's first "wet", say) published then was lost for good.
    /// Zigbee2MQTT publishes a device's state to <c>&lt;base_topic&gt;/&lt;friendly_name&gt;</c> and its availability to
    /// <c>&lt;base_topic&gt;/&lt;friendly_name&gt;/availability</c> (https://www.zigbee2mqtt.io/guide/usage/mqtt_topics_and_messages.html);
    /// <c>+</c> matches exactly one topic level (MQTT 3.1.1 §4.7.1.3,
    /// https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718107).
    /// </remarks>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _startGate.WaitAsync(cancellationToken);
        try
        {
            if (_started)
            {
                return;
            }

            foreach (var filter in TopicFilters())
            {
                _subscriptions.Add(await _client.SubscribeAsync(filter, (m, _) => OnMessage(m), MqttQualityOfService.AtLeastOnce, cancellationToken));
            }

            _started = true;
        }
        finally
        {
            _startGate.Release();
        }
    }

    /// <summary>The topic filters that cover every configured device: a state and an availability filter per name depth.</summary>
    internal IReadOnlyList<string> TopicFilters()
    {
        var depths = _byDevice.Keys.Select(name => name.Count(c => c == '/') + 1).Distinct().Order();
        return
        [
            .. depths.SelectMany(depth =>
            {
                var levels = _options.BaseTopic + string.Concat(Enumerable.Repeat("/+", depth));
                return new[] { levels, levels + AvailabilitySuffix };
            }),
        ];
    }

    /// <summary>Sets (or clears) the one listener; it is called under <see cref="SyncRoot"/>, in order.</summary>
    internal void SetListener(Action<StateChange>? listener)
    {
        lock (SyncRoot)
        {
            _listener = listener;
        }
    }

    /// <summary>
    /// Performs <paramref name="call"/> on <paramref name="entityId"/>: publishes <c>{"&lt;property&gt;": value}</c>
    /// to the device's set topic and waits for the broker's acknowledgement. The state changes when the device
    /// reports it, as it would in HA.
    /// </summary>
    /// <exception cref="ServiceCallException">Unknown entity, unsupported service, bad data, or not delivered in time.</exception>
    public async Task CallServiceAsync(string entityId, ServiceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        Zigbee2MqttEntity entity;
        string? current;
        lock (SyncRoot)
        {
            entity = _byEntityId.GetValueOrDefault(entityId)
                ?? throw new ServiceCallException("not_found", $"{entityId} is not a Zigbee2MQTT entity.");
            current = entity.State.State;
        }

        var value = Zigbee2MqttValueMapper.ToCommandValue(entity.Domain, call, current, entity.Options);
        var topic = $"{_options.BaseTopic}/{entity.Options.FriendlyName}/set";
        var payload = new JsonObject { [entity.Options.Property] = value }.ToJsonString();
        var correlationId = Guid.NewGuid().ToString("N")[..12];
        LogCommand(_logger, entityId, call.Domain, call.Service, topic, payload, correlationId);
        try
        {
            var receipt = await _client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
            await receipt.Delivered.WaitAsync(_options.CommandTimeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new ServiceCallException("timeout", $"The broker did not acknowledge the command to {entityId} within {_options.CommandTimeout}; it stays queued ({correlationId}).", ex);
        }
        catch (Exception ex) when (ex is MqttException or InvalidOperationException or ObjectDisposedException)
        {
            throw new ServiceCallException("not_delivered", $"The command to {entityId} was not delivered: {ex.Message} ({correlationId}).", ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        lock (SyncRoot)
        {
            foreach (var entity in _byEntityId.Values)
            {
                entity.Dispose();
            }
        }

        _startGate.Dispose();
    }

    // Called for every message under the filters: most are for devices the brain does not use (or the bridge),
    // and cost one lookup on the topic's characters, without an allocation.
    private ValueTask OnMessage(MqttApplicationMessage message)
    {
        var topic = message.Topic.AsSpan();
        var baseTopic = _options.BaseTopic;
        if (topic.Length <= baseTopic.Length + 1 || !topic.StartsWith(baseTopic, StringComparison.Ordinal) || topic[baseTopic.Length] != '/')
        {
            return ValueTask.CompletedTask;
        }

        var name = topic[(baseTopic.Length + 1)..];
        var devices = _byDevice.GetAlternateLookup<ReadOnlySpan<char>>();
        if (devices.TryGetValue(name, out var device, out _))
        {
            return OnState(device, message);
        }

        if (name.EndsWith(AvailabilitySuffix, StringComparison.Ordinal)
            && devices.TryGetValue(name[..^AvailabilitySuffix.Length], out device, out _))
        {
            return OnAvailability(device, message);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnState(string device, MqttApplicationMessage message)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(message.Payload);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            LogBadPayload(_logger, message.Topic, ex.Message);
            return ValueTask.CompletedTask;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            LogBadPayload(_logger, message.Topic, "not a JSON object");
            return ValueTask.CompletedTask;
        }

        lock (SyncRoot)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var entity in _byDevice[device])
            {
                if (entity.Options.StaleAfter is { } staleAfter)
                {
                    entity.StaleTimer?.Change(staleAfter, Timeout.InfiniteTimeSpan);
                }

                Emit(entity.OnMessage(root, now));
            }
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnAvailability(string device, MqttApplicationMessage message)
    {
        if (Zigbee2MqttAvailability.Parse(message.Payload.Span, out var problem) is not { } online)
        {
            LogBadPayload(_logger, message.Topic, problem!);
            return ValueTask.CompletedTask;
        }

        lock (SyncRoot)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var entity in _byDevice[device])
            {
                Emit(entity.OnAvailability(online, now));
            }
        }

        return ValueTask.CompletedTask;
    }

    private void OnStaleTimer(object? state)
    {
        var entity = (Zigbee2MqttEntity)state!;
        lock (SyncRoot)
        {
            var change = entity.OnStale(_timeProvider.GetUtcNow());
            if (change is not null)
            {
                LogStale(_logger, entity.EntityId, entity.Options.StaleAfter!.Value);
            }

            Emit(change);
        }
    }

    private void Emit(StateChange? change)
    {
        if (change is not null)
        {
            _listener?.Invoke(change);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Zigbee2MQTT command {EntityId} {Domain}.{Service}: {Topic} {Payload} (correlation {CorrelationId})")]
    private static partial void LogCommand(ILogger logger, string entityId, string domain, string service, string topic, string payload, string correlationId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Zigbee2MQTT: {EntityId} is unavailable, nothing heard for {StaleAfter}")]
    private static partial void LogStale(ILogger logger, string entityId, TimeSpan staleAfter);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Zigbee2MQTT: ignored a payload on {Topic}: {Reason}")]
    private static partial void LogBadPayload(ILogger logger, string topic, string reason);
}
