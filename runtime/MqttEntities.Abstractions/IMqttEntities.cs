namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// The brain's entities in HA (the entity manager as apps see it). Declare devices and their entities up front (at
/// composition, through <c>AddMqttEntities</c>), so the manager knows the full set at its first connection and can
/// remove what an earlier run announced but this one no longer declares. Apps then look their handles up, publish
/// states and subscribe to commands. Declaring later is allowed too: the entity is announced at once.
/// </summary>
public interface IMqttEntities
{
    /// <summary>Declares a device, or returns the one already declared with the same id (its info is updated).</summary>
    MqttDiscoveryDevice Device(MqttDeviceInfo info);

    /// <summary>The declared device with <paramref name="deviceId"/>, or null.</summary>
    MqttDiscoveryDevice? FindDevice(string deviceId);

    /// <summary>The declared entity <paramref name="key"/> of device <paramref name="deviceId"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such entity, or it is of another kind.</exception>
    T GetEntity<T>(string deviceId, string key)
        where T : MqttDiscoveryEntity;

    /// <summary>Removes a device and all its entities from HA (an empty retained config) and from the declarations.</summary>
    void RemoveDevice(string deviceId);
}
