using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// A received PUBLISH and the connection it came on (a QoS 1 PUBACK must go back on that same connection).
/// <paramref name="SkippedLength"/> is above 0 for a PUBLISH over the size limit: its payload was discarded, so no
/// handler sees it, but it still queues here so its PUBACK keeps its place in order (MQTT 3.1.1 §4.6, MQTT-4.6.0-2).
/// </summary>
internal readonly record struct IncomingPublish(MqttPublishPacket Packet, MqttConnection Connection, long SkippedLength = 0);
