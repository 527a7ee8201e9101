namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>A device config found retained on the broker: what an earlier run (or this one) announced.</summary>
/// <param name="ObjectId">The discovery object id (from the topic).</param>
/// <param name="OriginName">The origin name in the payload, or null.</param>
/// <param name="Components">Component key → platform.</param>
/// <param name="StateTopics">Component key → its state topics under our base topic.</param>
/// <param name="ComponentConfigs">
/// Component key → its config as announced (JSON), so a component this run has not declared yet can be announced
/// again as it was while its device's components are pending (<see cref="MqttDiscoveryDevice.ComponentsPending"/>).
/// </param>
internal sealed record AnnouncedDevice(
    string ObjectId,
    string? OriginName,
    IReadOnlyDictionary<string, string> Components,
    IReadOnlyDictionary<string, IReadOnlyList<string>> StateTopics,
    IReadOnlyDictionary<string, string>? ComponentConfigs = null);
