namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>What a declared device needs from the entity manager: binding its entities and announcing its changes.
/// The manager (runtime/MqttEntities) implements it; apps never see it.</summary>
internal interface IDiscoveryDeviceHost
{
    /// <summary>Called by a device under its own lock when an entity is declared: binds it and routes its commands.</summary>
    void Attach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity);

    /// <summary>Called by a device when an entity is removed.</summary>
    void Detach(MqttDiscoveryDevice device, MqttDiscoveryEntity entity);

    /// <summary>Publishes a device's own availability (retained).</summary>
    void PublishDeviceAvailability(MqttDiscoveryDevice device);

    /// <summary>Marks a device for re-announcing.</summary>
    void MarkChanged(string deviceId);
}
