namespace ProofOfHeat.Mqtt.Packets;

/// <summary>SUBSCRIBE (§3.8): one or more topic filters with their requested QoS.</summary>
internal sealed record MqttSubscribePacket(ushort PacketIdentifier, IReadOnlyList<MqttTopicSubscription> Subscriptions) : MqttPacket;
