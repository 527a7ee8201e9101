using ProofOfHeat.Mqtt.Packets;
using ProofOfHeat.Mqtt.Topics;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>
/// Decodes one framed MQTT 3.1.1 packet (its first byte and body). Pure and synchronous. Any malformed input raises
/// <see cref="MqttProtocolException"/> and nothing else. QoS 2 (PUBREC/PUBREL/PUBCOMP) is not supported.
/// </summary>
internal static class MqttPacketDecoder
{
    /// <summary>Decodes the packet whose fixed header byte is <paramref name="fixedHeader"/>.</summary>
    public static MqttPacket Decode(byte fixedHeader, ReadOnlySpan<byte> body)
    {
        var type = (MqttControlPacketType)(fixedHeader >> 4);
        var flags = fixedHeader & 0x0F;
        if ((MqttFixedHeader.DescribeFirstByteProblem(fixedHeader) ?? MqttFixedHeader.DescribeLengthProblem(fixedHeader, body.Length)) is { } problem)
        {
            throw new MqttProtocolException(problem);
        }

        var reader = new MqttBufferReader(body);
        MqttPacket packet;
        switch (type)
        {
            case MqttControlPacketType.Connect: packet = DecodeConnect(ref reader); break;
            case MqttControlPacketType.ConnAck: packet = DecodeConnAck(ref reader); break;
            case MqttControlPacketType.Publish: packet = DecodePublish(flags, ref reader); break;
            case MqttControlPacketType.PubAck: packet = new MqttPubAckPacket(ReadPacketIdentifier(ref reader)); break;
            case MqttControlPacketType.Subscribe: packet = DecodeSubscribe(ref reader); break;
            case MqttControlPacketType.SubAck: packet = DecodeSubAck(ref reader); break;
            case MqttControlPacketType.Unsubscribe: packet = DecodeUnsubscribe(ref reader); break;
            case MqttControlPacketType.UnsubAck: packet = new MqttUnsubAckPacket(ReadPacketIdentifier(ref reader)); break;
            case MqttControlPacketType.PingReq: packet = MqttPingReqPacket.Instance; break;
            case MqttControlPacketType.PingResp: packet = MqttPingRespPacket.Instance; break;
            case MqttControlPacketType.Disconnect: packet = MqttDisconnectPacket.Instance; break;
            case MqttControlPacketType.PubRec or MqttControlPacketType.PubRel or MqttControlPacketType.PubComp:
                throw new MqttProtocolException($"{type}: QoS 2 is not supported by this client.");
            default:
                throw new MqttProtocolException($"Reserved control packet type {(int)type}.");
        }

        reader.EnsureEnd(type.ToString());
        return packet;
    }

    private static MqttConnectPacket DecodeConnect(ref MqttBufferReader reader)
    {
        var protocolName = reader.ReadUtf8String();
        var level = reader.ReadByte();
        if (protocolName != "MQTT" || level != 4)
        {
            throw new MqttProtocolException($"CONNECT: unsupported protocol '{protocolName}' level {level}.");
        }

        var flags = reader.ReadByte();
        if ((flags & 0x01) != 0)
        {
            throw new MqttProtocolException("CONNECT: the reserved flag must be 0.");
        }

        var keepAlive = reader.ReadTwoByteInteger();
        var clientId = reader.ReadUtf8String();
        var hasWill = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 0x03;
        var willRetain = (flags & 0x20) != 0;
        if (!hasWill && (willQos != 0 || willRetain))
        {
            throw new MqttProtocolException("CONNECT: will QoS and retain must be 0 without a will.");
        }

        if (willQos > 1)
        {
            throw new MqttProtocolException($"CONNECT: will QoS {willQos} is not supported.");
        }

        MqttLastWill? will = null;
        if (hasWill)
        {
            var willTopic = reader.ReadUtf8String();
            RequireTopicName(willTopic, "CONNECT will topic");
            will = new MqttLastWill(willTopic, reader.ReadBinaryData(), (MqttQualityOfService)willQos, willRetain);
        }

        var hasUser = (flags & 0x80) != 0;
        var hasPassword = (flags & 0x40) != 0;
        if (hasPassword && !hasUser)
        {
            throw new MqttProtocolException("CONNECT: a password without a user name is not allowed in MQTT 3.1.1.");
        }

        var userName = hasUser ? reader.ReadUtf8String() : null;
        var password = hasPassword ? reader.ReadUtf8String() : null;
        return new MqttConnectPacket(clientId, (flags & 0x02) != 0, keepAlive, userName, password, will);
    }

    private static MqttConnAckPacket DecodeConnAck(ref MqttBufferReader reader)
    {
        var acknowledgeFlags = reader.ReadByte();
        if ((acknowledgeFlags & 0xFE) != 0)
        {
            throw new MqttProtocolException("CONNACK: reserved acknowledge flags must be 0.");
        }

        return new MqttConnAckPacket((acknowledgeFlags & 0x01) != 0, (MqttConnectReturnCode)reader.ReadByte());
    }

    private static MqttPublishPacket DecodePublish(int flags, ref MqttBufferReader reader)
    {
        var qos = (flags >> 1) & 0x03;
        var duplicate = (flags & 0x08) != 0;
        if (qos == 3)
        {
            throw new MqttProtocolException("PUBLISH: QoS 3 is malformed.");
        }

        if (qos == 2)
        {
            throw new MqttProtocolException("PUBLISH: QoS 2 is not supported by this client.");
        }

        if (qos == 0 && duplicate)
        {
            throw new MqttProtocolException("PUBLISH: DUP must be 0 for QoS 0.");
        }

        var topic = reader.ReadUtf8String();
        RequireTopicName(topic, "PUBLISH topic");
        var packetIdentifier = qos > 0 ? ReadPacketIdentifier(ref reader) : (ushort)0;
        var payload = reader.ReadToEnd().ToArray();
        return new MqttPublishPacket(topic, payload, (MqttQualityOfService)qos, (flags & 0x01) != 0, duplicate, packetIdentifier);
    }

    private static MqttSubscribePacket DecodeSubscribe(ref MqttBufferReader reader)
    {
        var packetIdentifier = ReadPacketIdentifier(ref reader);
        var subscriptions = new List<MqttTopicSubscription>();
        do
        {
            var filter = reader.ReadUtf8String();
            if (MqttTopicValidator.DescribeTopicFilterProblem(filter) is { } problem)
            {
                throw new MqttProtocolException($"SUBSCRIBE: {problem}");
            }

            var requested = reader.ReadByte();
            if (requested > 2)
            {
                throw new MqttProtocolException($"SUBSCRIBE: requested QoS byte 0x{requested:X2} is malformed.");
            }

            subscriptions.Add(new MqttTopicSubscription(filter, (MqttQualityOfService)requested));
        }
        while (reader.Remaining > 0);

        return new MqttSubscribePacket(packetIdentifier, subscriptions);
    }

    private static MqttSubAckPacket DecodeSubAck(ref MqttBufferReader reader)
    {
        var packetIdentifier = ReadPacketIdentifier(ref reader);
        var codes = reader.ReadToEnd().ToArray();
        if (codes.Length == 0)
        {
            throw new MqttProtocolException("SUBACK: no return codes.");
        }

        foreach (var code in codes)
        {
            if (code is > 2 and not MqttSubAckPacket.Failure)
            {
                throw new MqttProtocolException($"SUBACK: reserved return code 0x{code:X2}.");
            }
        }

        return new MqttSubAckPacket(packetIdentifier, codes);
    }

    private static MqttUnsubscribePacket DecodeUnsubscribe(ref MqttBufferReader reader)
    {
        var packetIdentifier = ReadPacketIdentifier(ref reader);
        var filters = new List<string>();
        do
        {
            var filter = reader.ReadUtf8String();
            if (MqttTopicValidator.DescribeTopicFilterProblem(filter) is { } problem)
            {
                throw new MqttProtocolException($"UNSUBSCRIBE: {problem}");
            }

            filters.Add(filter);
        }
        while (reader.Remaining > 0);

        return new MqttUnsubscribePacket(packetIdentifier, filters);
    }

    private static ushort ReadPacketIdentifier(ref MqttBufferReader reader)
    {
        var identifier = reader.ReadTwoByteInteger();
        return identifier != 0 ? identifier : throw new MqttProtocolException("Packet identifier 0 is not allowed.");
    }

    private static void RequireTopicName(string topic, string what)
    {
        if (MqttTopicValidator.DescribeTopicNameProblem(topic) is { } problem)
        {
            throw new MqttProtocolException($"{what}: {problem}");
        }
    }
}
