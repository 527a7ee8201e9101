using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>
/// The checks that need only the fixed header (MQTT 3.1.1 §2.2): the packet type, its reserved flags and, for the
/// packets whose size the specification fixes, the Remaining Length. The framer applies them before it waits for a
/// body, so garbage that happens to announce a long packet is rejected at once instead of stalling the reader.
/// </summary>
internal static class MqttFixedHeader
{
    /// <summary>Why <paramref name="firstByte"/> cannot start an MQTT 3.1.1 packet, or null when it can.</summary>
    public static string? DescribeFirstByteProblem(byte firstByte)
    {
        var type = (MqttControlPacketType)(firstByte >> 4);
        var flags = firstByte & 0x0F;
        if (!Enum.IsDefined(type))
        {
            return $"Reserved control packet type {(int)type}.";
        }

        if (type == MqttControlPacketType.Publish)
        {
            return ((flags >> 1) & 0x03) == 3 ? "PUBLISH: QoS 3 is malformed." : null;
        }

        var expected = type is MqttControlPacketType.Subscribe or MqttControlPacketType.Unsubscribe or MqttControlPacketType.PubRel ? 0x02 : 0;
        return flags == expected ? null : $"{type}: reserved fixed header flags 0x{flags:X} (expected 0x{expected:X}).";
    }

    /// <summary>
    /// Whether a broker may send a packet starting with <paramref name="firstByte"/> to a client (§2.2.1: CONNECT,
    /// SUBSCRIBE, UNSUBSCRIBE, PINGREQ and DISCONNECT only ever go from client to server).
    /// </summary>
    public static bool MaySendToClient(byte firstByte) => (MqttControlPacketType)(firstByte >> 4) is
        MqttControlPacketType.ConnAck or MqttControlPacketType.Publish or MqttControlPacketType.PubAck
        or MqttControlPacketType.PubRec or MqttControlPacketType.PubRel or MqttControlPacketType.PubComp
        or MqttControlPacketType.SubAck or MqttControlPacketType.UnsubAck or MqttControlPacketType.PingResp;

    /// <summary>Why <paramref name="remainingLength"/> is impossible for a packet starting with <paramref name="firstByte"/>, or null.</summary>
    public static string? DescribeLengthProblem(byte firstByte, int remainingLength)
    {
        var type = (MqttControlPacketType)(firstByte >> 4);
        int? required = type switch
        {
            MqttControlPacketType.ConnAck or MqttControlPacketType.PubAck or MqttControlPacketType.PubRec
                or MqttControlPacketType.PubRel or MqttControlPacketType.PubComp or MqttControlPacketType.UnsubAck => 2,
            MqttControlPacketType.PingReq or MqttControlPacketType.PingResp or MqttControlPacketType.Disconnect => 0,
            _ => null,
        };
        if (required is { } exact && remainingLength != exact)
        {
            return $"{type}: Remaining Length {remainingLength} (must be {exact}).";
        }

        // A topic length (2) plus, for QoS > 0, a packet identifier (2); SUBACK needs an identifier and one code.
        var minimum = type switch
        {
            MqttControlPacketType.Publish => ((firstByte >> 1) & 0x03) == 0 ? 2 : 4,
            MqttControlPacketType.SubAck => 3,
            MqttControlPacketType.Subscribe => 6,
            MqttControlPacketType.Unsubscribe => 5,
            MqttControlPacketType.Connect => 12,
            _ => 0,
        };
        return remainingLength < minimum ? $"{type}: Remaining Length {remainingLength} is shorter than the minimum {minimum}." : null;
    }
}
