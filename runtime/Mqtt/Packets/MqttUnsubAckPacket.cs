namespace ProofOfHeat.Mqtt.Packets;

/// <summary>UNSUBACK (§3.11): acknowledges an UNSUBSCRIBE.</summary>
internal sealed record MqttUnsubAckPacket(ushort PacketIdentifier) : MqttPacket;
