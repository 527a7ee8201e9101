namespace ProofOfHeat.Mqtt.Packets;

/// <summary>One topic filter and its requested QoS inside a SUBSCRIBE payload (§3.8.3).</summary>
internal readonly record struct MqttTopicSubscription(string TopicFilter, MqttQualityOfService QualityOfService);
