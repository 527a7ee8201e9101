namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>What an entity handle needs from the manager: where to publish its states.</summary>
internal interface IDiscoveryEntityHost
{
    /// <summary>Publishes (retained) and remembers <paramref name="payload"/> on <paramref name="topic"/>, so a birth
    /// message or a reconnect can send it again.</summary>
    void PublishState(string topic, string payload);
}
