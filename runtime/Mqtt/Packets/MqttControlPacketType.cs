namespace ProofOfHeat.Mqtt.Packets;

/// <summary>The control packet types of MQTT 3.1.1 §2.2.1 (the high nibble of the fixed header).</summary>
internal enum MqttControlPacketType : byte
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}
