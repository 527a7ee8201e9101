using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// Publishes the brain's entities to HA through device-based MQTT discovery and routes HA's commands back to the
/// owning app. Configs and states are retained; availability is the client's last will (<c>offline</c>) plus an
/// <c>online</c> after every connect; everything is announced again on HA's birth message; configs an earlier run
/// left behind are removed at the first connection (see <see cref="RetainedDiscoveryScanner"/>).
/// </summary>
/// <remarks>
/// Publishing never waits (the client queues). The announce work runs on one owned loop (<see cref="RunAsync"/>),
/// woken by connects, birth messages and declarations; it coalesces what is pending, so a storm of signals costs one
/// announce.
/// </remarks>
public sealed partial class MqttEntityManager : IMqttEntities, IDiscoveryEntityHost, IDiscoveryDeviceHost
{
    private readonly MqttClient _client;
    private readonly MqttDiscoveryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, MqttDiscoveryDevice> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MqttDiscoveryEntity Entity, string Suffix)> _routes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedDevices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnnouncedDevice> _announced = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private bool _connectPending;
    private bool _announceAllPending;
    private bool _reconciled;
    private readonly IAuditTrail? _audit;

    /// <summary>Creates the manager; it subscribes and publishes once <see cref="RunAsync"/> runs.</summary>
    /// <param name="client">The MQTT client; its last will should be <see cref="MqttDiscoveryOptions.AvailabilityTopic"/> =
    /// <c>offline</c>, retained (see <see cref="LastWill"/>).</param>
    /// <param name="options">Topics and origin.</param>
    /// <param name="timeProvider">The clock for the scan timeout.</param>
    /// <param name="logger">Where rejected commands and announcements are logged.</param>
    /// <param name="audit">The audit trail every command received goes to (accepted or rejected), or none.</param>
    public MqttEntityManager(MqttClient client, MqttDiscoveryOptions options, TimeProvider timeProvider, ILogger<MqttEntityManager> logger, IAuditTrail? audit = null)
    {
        _audit = audit;
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _client = client;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _client.Connected += (_, _) => Signal(() => _connectPending = true);
        _connectPending = client.IsConnected; // a client connected before us raises no event for us
        if (_connectPending)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>The options.</summary>
    public MqttDiscoveryOptions Options => _options;

    /// <summary>The last will to give the client: <c>offline</c>, retained, on our availability topic.</summary>
    public static MqttLastWill LastWill(MqttDiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MqttLastWill(options.AvailabilityTopic, "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce, Retain: true);
    }

    /// <inheritdoc />
    public MqttDiscoveryDevice Device(MqttDeviceInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        DiscoveryIds.EnsureValid(info.Id, nameof(info));
        ArgumentException.ThrowIfNullOrWhiteSpace(info.Name, nameof(info));
        lock (_gate)
        {
            if (_devices.TryGetValue(info.Id, out var existing))
            {
                if (existing.Info != info)
                {
                    existing.Info = info;
                    _changedDevices.Add(info.Id);
                }

                return existing;
            }

            var device = new MqttDiscoveryDevice(this, info);
            _devices.Add(info.Id, device);
            _changedDevices.Add(info.Id);
        }

        Signal(null);
        return FindDevice(info.Id)!;
    }

    /// <inheritdoc />
    public MqttDiscoveryDevice? FindDevice(string deviceId)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(deviceId);
        }
    }

    /// <inheritdoc />
    public T GetEntity<T>(string deviceId, string key)
        where T : MqttDiscoveryEntity =>
        FindDevice(deviceId)?.Find(key) as T
            ?? throw new KeyNotFoundException($"No {typeof(T).Name} '{key}' declared on device '{deviceId}'.");

    /// <inheritdoc />
    public void RemoveDevice(string deviceId)
    {
        MqttDiscoveryDevice? device;
        lock (_gate)
        {
            if (!_devices.Remove(deviceId, out device))
            {
                return;
            }

            _changedDevices.Add(deviceId);
        }

        // Outside the gate: a device takes its own lock and then the gate (Add → Attach), never the other way round.
        var removed = device.Entities;
        lock (_gate)
        {
            foreach (var entity in removed)
            {
                RemoveRoutes(entity);
            }
        }

        foreach (var entity in removed)
        {
            entity.Dispose();
        }

        Signal(null);
    }

    /// <summary>Called by a device under its own lock when an entity is declared: binds it and routes its commands.</summary>
    internal void Attach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity)
    {
        entity.Attach(_options.NodeId, device.Id, _options.BaseTopic, this);
        lock (_gate)
        {
            foreach (var suffix in entity.CommandSuffixes)
            {
                _routes[entity.Topic(suffix)] = (entity, suffix);
            }
        }
    }

    /// <summary>Called by a device when an entity is removed.</summary>
    internal void Detach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity)
    {
        lock (_gate)
        {
            RemoveRoutes(entity);
        }

        MarkChanged(device.Id);
    }

    /// <summary>Publishes a device's own availability (retained).</summary>
    internal void PublishDeviceAvailability(MqttDiscoveryDevice device)
    {
        if (device.Availability is { } availability)
        {
            Publish(DevicePayloadBuilder.DeviceAvailabilityTopic(_options, device.Id), availability);
        }
    }

    /// <summary>Marks a device for re-announcing and wakes the loop.</summary>
    internal void MarkChanged(string deviceId) => Signal(() => _changedDevices.Add(deviceId));

    /// <inheritdoc />
    void IDiscoveryEntityHost.PublishState(string topic, string payload) => Publish(topic, payload);

    /// <inheritdoc />
    void IDiscoveryDeviceHost.Attach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity) => Attach(device, entity);

    /// <inheritdoc />
    void IDiscoveryDeviceHost.Detach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity) => Detach(device, entity);

    /// <inheritdoc />
    void IDiscoveryDeviceHost.PublishDeviceAvailability(MqttDiscoveryDevice device) => PublishDeviceAvailability(device);

    /// <inheritdoc />
    void IDiscoveryDeviceHost.MarkChanged(string deviceId) => MarkChanged(deviceId);

    private void RemoveRoutes(MqttDiscoveryEntity entity)
    {
        foreach (var suffix in entity.CommandSuffixes)
        {
            _routes.Remove(entity.Topic(suffix));
        }
    }

    private void Signal(Action? mark)
    {
        if (mark is not null)
        {
            lock (_gate)
            {
                mark();
            }
        }

        _wake.Writer.TryWrite(true);
    }

    private void Publish(string topic, string payload)
    {
        try
        {
            _ = _client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, retain: true).AsTask();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The client has stopped (shutdown or a final refusal): nothing more can go out.
            LogPublishFailed(_logger, topic, ex.Message);
        }
    }
}
