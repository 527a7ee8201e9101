using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// Sits between the primary backend and the runtime: it adds the Zigbee2MQTT states to every snapshot, forwards
/// their changes, and hides the primary's entities with the same ids (the device is the source). Every call into the
/// runtime happens under the registry's one lock, because the runtime's sink expects one writer at a time and the
/// primary's reader, MQTT's dispatch loop and the stale timers would otherwise race.
/// </summary>
internal sealed class MergingStateSink(IHomeStateSink runtime, Zigbee2MqttDevices devices) : IHomeStateSink
{
    /// <summary>A device entity changed (called by the registry, already under its lock).</summary>
    public void DeviceChanged(StateChange change) => runtime.StateChanged(change);

    /// <summary>Reports every device entity as appearing, so apps see them before (or without) the primary connecting.</summary>
    public void AnnounceDevices()
    {
        lock (devices.SyncRoot)
        {
            foreach (var state in devices.States)
            {
                runtime.StateChanged(new StateChange(state.EntityId, null, state));
            }
        }
    }

    /// <inheritdoc />
    public void Connected(IReadOnlyCollection<EntityState> snapshot)
    {
        lock (devices.SyncRoot)
        {
            runtime.Connected([.. snapshot.Where(s => !devices.Owns(s.EntityId)), .. devices.States]);
        }
    }

    /// <inheritdoc />
    public void StateChanged(StateChange change)
    {
        if (devices.Owns(change.EntityId))
        {
            return;
        }

        lock (devices.SyncRoot)
        {
            runtime.StateChanged(change);
        }
    }

    /// <inheritdoc />
    public void EventReceived(HomeEvent homeEvent)
    {
        lock (devices.SyncRoot)
        {
            runtime.EventReceived(homeEvent);
        }
    }

    /// <inheritdoc />
    public void Disconnected(string reason)
    {
        lock (devices.SyncRoot)
        {
            runtime.Disconnected(reason);
        }
    }
}
