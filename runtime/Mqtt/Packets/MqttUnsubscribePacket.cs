namespace ProofOfHeat.Mqtt.Packets;

/// <summary>UNSUBSCRIBE (§3.10): one or more topic filters to remove.</summary>
internal sealed record MqttUnsubscribePacket(ushort PacketIdentifier, IReadOnlyList<string> TopicFilters) : MqttPacket;
