namespace ProofOfHeat.Mqtt.Packets;

/// <summary>PUBACK (§3.4): acknowledges a QoS 1 PUBLISH.</summary>
internal sealed record MqttPubAckPacket(ushort PacketIdentifier) : MqttPacket;
