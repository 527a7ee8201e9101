using System.Text.Json;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// The state of one configured property: the last value, whether the device is offline (Zigbee2MQTT's availability
/// topic) or stale (no message for <see cref="Zigbee2MqttEntityOptions.StaleAfter"/>), and the state apps see.
/// Not thread-safe: <see cref="Zigbee2MqttDevices"/> calls it under its lock.
/// </summary>
internal sealed class Zigbee2MqttEntity : IDisposable
{
    private readonly object _attributes;
    private string _value = "unknown";
    private bool _offline;
    private bool _stale;

    public Zigbee2MqttEntity(Zigbee2MqttEntityOptions options, DateTimeOffset now)
    {
        Options = options;
        EntityId = options.ResolvedEntityId;
        Domain = EntityId[..EntityId.IndexOf('.', StringComparison.Ordinal)];
        _attributes = Attributes(options);
        State = EntityState.Create(EntityId, _value, now, _attributes);
    }

    public Zigbee2MqttEntityOptions Options { get; }

    public string EntityId { get; }

    public string Domain { get; }

    /// <summary>What apps see.</summary>
    public EntityState State { get; private set; }

    /// <summary>When the device last sent anything, or null.</summary>
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>The stale timer (armed and re-armed by <see cref="Zigbee2MqttDevices"/>).</summary>
    public ITimer? StaleTimer { get; set; }

    /// <summary>A state message arrived; returns the change, or null when apps would see nothing new.</summary>
    public StateChange? OnMessage(JsonElement root, DateTimeOffset now)
    {
        LastSeen = now;
        _stale = false;
        if (root.TryGetProperty(Options.Property, out var value))
        {
            _value = Zigbee2MqttValueMapper.ToState(Domain, value, Options);
        }

        return Update(now);
    }

    /// <summary>The stale timer fired.</summary>
    public StateChange? OnStale(DateTimeOffset now)
    {
        _stale = true;
        return Update(now);
    }

    /// <summary>Zigbee2MQTT reported the device online or offline.</summary>
    public StateChange? OnAvailability(bool online, DateTimeOffset now)
    {
        _offline = !online;
        return Update(now);
    }

    public void Dispose() => StaleTimer?.Dispose();

    private StateChange? Update(DateTimeOffset now)
    {
        var effective = _offline || _stale ? "unavailable" : _value;
        if (effective == State.State)
        {
            return null;
        }

        var old = State;
        State = new EntityState(EntityId, effective, old.Attributes, now, now);
        return new StateChange(EntityId, old, State);
    }

    private static Dictionary<string, object> Attributes(Zigbee2MqttEntityOptions options)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["friendly_name"] = options.Name ?? options.FriendlyName,
            ["zigbee2mqtt_device"] = options.FriendlyName,
            ["zigbee2mqtt_property"] = options.Property,
        };
        if (options.Unit is not null)
        {
            attributes["unit_of_measurement"] = options.Unit;
        }

        if (options.DeviceClass is not null)
        {
            attributes["device_class"] = options.DeviceClass;
        }

        return attributes;
    }
}
