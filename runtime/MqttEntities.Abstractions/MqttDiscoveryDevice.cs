namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>A declared device: its info and its entities, keyed by entity key.</summary>
public sealed class MqttDiscoveryDevice
{
    private readonly Dictionary<string, MqttDiscoveryEntity> _entities = new(StringComparer.Ordinal);
    private readonly IDiscoveryDeviceHost _manager;
    private volatile bool _componentsPending;

    internal MqttDiscoveryDevice(IDiscoveryDeviceHost manager, MqttDeviceInfo info)
    {
        _manager = manager;
        Info = info;
    }

    /// <summary>The device info.</summary>
    public MqttDeviceInfo Info { get; internal set; }

    /// <summary>The device id.</summary>
    public string Id => Info.Id;

    /// <summary>
    /// While true, components an earlier run announced for this device and this run has not declared (yet) are
    /// announced again as they were, never removed: the app does not know yet whether the device still has them (a
    /// miner that has not answered since the start). HA deletes a removed entity's registry entry with its name,
    /// area and settings, so a component is removed only once the app knows it is gone: set this to false then, and
    /// a component still not declared is removed.
    /// </summary>
    public bool ComponentsPending
    {
        get => _componentsPending;
        set
        {
            if (_componentsPending != value)
            {
                _componentsPending = value;
                _manager.MarkChanged(Id);
            }
        }
    }

    /// <summary>The last availability set with <see cref="SetAvailable"/> (<c>online</c>/<c>offline</c>), or null.</summary>
    internal string? Availability { get; private set; }

    /// <summary>The entities, in declaration order of their keys.</summary>
    public IReadOnlyList<MqttDiscoveryEntity> Entities
    {
        get
        {
            lock (_entities)
            {
                return [.. _entities.Values];
            }
        }
    }

    /// <summary>
    /// Declares <paramref name="entity"/> on this device and returns it. Declaring the same key again returns the
    /// handle already declared when it is of the same kind (so an app that restarts keeps one handle).
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid, or the key is taken by another kind.</exception>
    public T Add<T>(T entity)
        where T : MqttDiscoveryEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Validate();
        lock (_entities)
        {
            if (_entities.TryGetValue(entity.Key, out var existing))
            {
                return existing as T
                    ?? throw new ArgumentException($"Key '{entity.Key}' of device '{Id}' is already a {existing.Platform}.", nameof(entity));
            }

            _manager.Attach(this, entity);
            _entities.Add(entity.Key, entity);
        }

        _manager.MarkChanged(Id);
        return entity;
    }

    /// <summary>
    /// Publishes the device's own availability (retained; sent again after a birth message). Only for devices
    /// declared with <see cref="MqttDeviceInfo.HasOwnAvailability"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device was declared without its own availability.</exception>
    public void SetAvailable(bool available)
    {
        if (!Info.HasOwnAvailability)
        {
            throw new InvalidOperationException($"Device '{Id}' was declared without HasOwnAvailability.");
        }

        Availability = available ? "online" : "offline";
        _manager.PublishDeviceAvailability(this);
    }

    /// <summary>The entity with <paramref name="key"/>, or null.</summary>
    public MqttDiscoveryEntity? Find(string key)
    {
        lock (_entities)
        {
            return _entities.GetValueOrDefault(key);
        }
    }

    /// <summary>Removes one entity from HA (its component is dropped from the device config) and from the declarations.</summary>
    public void Remove(string key)
    {
        MqttDiscoveryEntity? removed;
        lock (_entities)
        {
            if (!_entities.Remove(key, out removed))
            {
                return;
            }
        }

        _manager.Detach(this, removed);
        removed.Dispose();
    }
}
