namespace ProofOfHeat.Mqtt.Packets;

/// <summary>An MQTT 3.1.1 control packet: plain data, no behaviour and no I/O.</summary>
internal abstract record MqttPacket;
