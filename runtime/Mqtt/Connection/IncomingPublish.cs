using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>A received PUBLISH and the connection it came on (a QoS 1 PUBACK must go back on that same connection).</summary>
internal readonly record struct IncomingPublish(MqttPublishPacket Packet, MqttConnection Connection);
