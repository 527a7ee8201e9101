namespace ProofOfHeat.Mqtt.Packets;

/// <summary>CONNACK (§3.2): the broker's answer to CONNECT.</summary>
internal sealed record MqttConnAckPacket(bool SessionPresent, MqttConnectReturnCode ReturnCode) : MqttPacket;
