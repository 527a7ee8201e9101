namespace ProofOfHeat.Mqtt.Packets;

/// <summary>PUBLISH (§3.3): an application message; <see cref="PacketIdentifier"/> is 0 for QoS 0.</summary>
internal sealed record MqttPublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    bool Duplicate,
    ushort PacketIdentifier) : MqttPacket;
