using Microsoft.Extensions.DependencyInjection;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// What a composition would announce, without a broker: runs the entity declarations registered in a service
/// collection (the apps' own <c>AddMqttEntityDeclarations</c>) against an in-memory <see cref="IMqttEntities"/> and
/// writes each device's discovery config with the same builder the <see cref="MqttEntityManager"/> publishes with.
/// Tools that must name the brain's entities (dashboards, the Alice config) read these payloads instead of repeating
/// the apps' naming rules.
/// </summary>
public sealed class DiscoveryCatalogue : IMqttEntities, IDiscoveryDeviceHost, IDiscoveryEntityHost
{
    private readonly MqttDiscoveryOptions _options;
    private readonly Dictionary<string, MqttDiscoveryDevice> _devices = new(StringComparer.Ordinal);

    /// <summary>Creates an empty catalogue for <paramref name="options"/> (the defaults when null).</summary>
    public DiscoveryCatalogue(MqttDiscoveryOptions? options = null)
    {
        _options = options ?? new MqttDiscoveryOptions();
        _options.Validate();
    }

    /// <summary>The catalogue of every declaration registered in <paramref name="services"/>.</summary>
    public static DiscoveryCatalogue FromServices(IServiceCollection services, MqttDiscoveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalogue = new DiscoveryCatalogue(options);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(MqttEntityDeclaration) && descriptor.ImplementationInstance is MqttEntityDeclaration declaration)
            {
                declaration.Declare(catalogue);
            }
        }

        return catalogue;
    }

    /// <summary>The retained config messages the entity manager would publish: topic and JSON payload per device, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConfigMessages() =>
    [
        .. _devices.Values.Select(device => new KeyValuePair<string, string>(
            DevicePayloadBuilder.ConfigTopic(_options, DevicePayloadBuilder.ObjectId(_options, device.Id)),
            DevicePayloadBuilder.Build(_options, device.Info, device.Entities))),
    ];

    /// <inheritdoc />
    public MqttDiscoveryDevice Device(MqttDeviceInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        DiscoveryIds.EnsureValid(info.Id, nameof(info));
        if (_devices.TryGetValue(info.Id, out var existing))
        {
            existing.Info = info;
            return existing;
        }

        var device = new MqttDiscoveryDevice(this, info);
        _devices.Add(info.Id, device);
        return device;
    }

    /// <inheritdoc />
    public MqttDiscoveryDevice? FindDevice(string deviceId) => _devices.GetValueOrDefault(deviceId);

    /// <inheritdoc />
    public T GetEntity<T>(string deviceId, string key)
        where T : MqttDiscoveryEntity =>
        FindDevice(deviceId)?.Find(key) as T
            ?? throw new KeyNotFoundException($"No {typeof(T).Name} '{key}' declared on device '{deviceId}'.");

    /// <inheritdoc />
    public void RemoveDevice(string deviceId) => _devices.Remove(deviceId);

    /// <inheritdoc />
    void IDiscoveryDeviceHost.Attach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity) =>
        entity.Attach(_options.NodeId, device.Id, _options.BaseTopic, this);

    /// <inheritdoc />
    void IDiscoveryDeviceHost.Detach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity)
    {
    }

    /// <inheritdoc />
    void IDiscoveryDeviceHost.PublishDeviceAvailability(MqttDiscoveryDevice device)
    {
    }

    /// <inheritdoc />
    void IDiscoveryDeviceHost.MarkChanged(string deviceId)
    {
    }

    /// <inheritdoc />
    void IDiscoveryEntityHost.PublishState(string topic, string payload)
    {
    }
}
