using System.Buffers;
using System.Text;
using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Codec;

/// <summary>
/// Encodes MQTT 3.1.1 packets into an <see cref="IBufferWriter{T}"/>. Pure and synchronous: it measures a packet,
/// asks the writer for exactly that many bytes once, and fills them.
/// </summary>
internal static class MqttPacketEncoder
{
    private static readonly byte[] ProtocolName = "\0\u0004MQTT"u8.ToArray();
    private const byte ProtocolLevel = 4;

    /// <summary>Encodes <paramref name="packet"/> and returns the bytes written.</summary>
    public static int Encode(MqttPacket packet, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return packet switch
        {
            MqttPublishPacket p => EncodePublish(output, p.Topic, p.Payload.Span, p.QualityOfService, p.Retain, p.Duplicate, p.PacketIdentifier),
            MqttPubAckPacket p => EncodeIdentifierOnly(output, MqttControlPacketType.PubAck, 0, p.PacketIdentifier),
            MqttUnsubAckPacket p => EncodeIdentifierOnly(output, MqttControlPacketType.UnsubAck, 0, p.PacketIdentifier),
            MqttConnectPacket p => EncodeConnect(output, p),
            MqttConnAckPacket p => EncodeConnAck(output, p),
            MqttSubscribePacket p => EncodeSubscribe(output, p),
            MqttSubAckPacket p => EncodeSubAck(output, p),
            MqttUnsubscribePacket p => EncodeUnsubscribe(output, p),
            MqttPingReqPacket => EncodeEmpty(output, MqttControlPacketType.PingReq),
            MqttPingRespPacket => EncodeEmpty(output, MqttControlPacketType.PingResp),
            MqttDisconnectPacket => EncodeEmpty(output, MqttControlPacketType.Disconnect),
            _ => throw new ArgumentException($"Cannot encode {packet.GetType().Name}.", nameof(packet)),
        };
    }

    /// <summary>Encodes a PUBLISH straight from its fields (the hot path: no packet object is needed).</summary>
    public static int EncodePublish(
        IBufferWriter<byte> output,
        string topic,
        ReadOnlySpan<byte> payload,
        MqttQualityOfService qualityOfService,
        bool retain,
        bool duplicate,
        ushort packetIdentifier)
    {
        var topicBytes = Encoding.UTF8.GetByteCount(topic);
        var hasIdentifier = qualityOfService != MqttQualityOfService.AtMostOnce;
        var remaining = 2 + topicBytes + (hasIdentifier ? 2 : 0) + payload.Length;
        var firstByte = (byte)(((int)MqttControlPacketType.Publish << 4)
            | (duplicate ? 0x08 : 0)
            | ((int)qualityOfService << 1)
            | (retain ? 0x01 : 0));
        var writer = Begin(output, firstByte, remaining, out var total);
        writer.WriteUtf8String(topic);
        if (hasIdentifier)
        {
            writer.WriteTwoByteInteger(packetIdentifier);
        }

        writer.WriteBytes(payload);
        return Commit(output, writer, total);
    }

    /// <summary>Encodes a packet whose variable header is only a packet identifier (PUBACK, UNSUBACK).</summary>
    public static int EncodeIdentifierOnly(IBufferWriter<byte> output, MqttControlPacketType type, int flags, ushort packetIdentifier)
    {
        var writer = Begin(output, (byte)(((int)type << 4) | flags), 2, out var total);
        writer.WriteTwoByteInteger(packetIdentifier);
        return Commit(output, writer, total);
    }

    private static int EncodeEmpty(IBufferWriter<byte> output, MqttControlPacketType type)
    {
        var writer = Begin(output, (byte)((int)type << 4), 0, out var total);
        return Commit(output, writer, total);
    }

    private static int EncodeConnect(IBufferWriter<byte> output, MqttConnectPacket p)
    {
        var remaining = ProtocolName.Length + 1 + 1 + 2 + MqttBufferWriter.GetUtf8StringSize(p.ClientId);
        var flags = p.CleanSession ? 0x02 : 0;
        if (p.Will is { } will)
        {
            remaining += MqttBufferWriter.GetUtf8StringSize(will.Topic) + 2 + will.Payload.Length;
            flags |= 0x04 | ((int)will.QualityOfService << 3) | (will.Retain ? 0x20 : 0);
        }

        if (p.UserName is not null)
        {
            remaining += MqttBufferWriter.GetUtf8StringSize(p.UserName);
            flags |= 0x80;
        }

        if (p.Password is not null)
        {
            remaining += MqttBufferWriter.GetUtf8StringSize(p.Password);
            flags |= 0x40;
        }

        var writer = Begin(output, (int)MqttControlPacketType.Connect << 4, remaining, out var total);
        writer.WriteBytes(ProtocolName);
        writer.WriteByte(ProtocolLevel);
        writer.WriteByte((byte)flags);
        writer.WriteTwoByteInteger(p.KeepAliveSeconds);
        writer.WriteUtf8String(p.ClientId);
        if (p.Will is { } w)
        {
            writer.WriteUtf8String(w.Topic);
            writer.WriteBinaryData(w.Payload.Span);
        }

        if (p.UserName is not null)
        {
            writer.WriteUtf8String(p.UserName);
        }

        if (p.Password is not null)
        {
            // Password is Binary Data (§3.1.3.5); we carry it as UTF-8 text.
            writer.WriteUtf8String(p.Password);
        }

        return Commit(output, writer, total);
    }

    private static int EncodeConnAck(IBufferWriter<byte> output, MqttConnAckPacket p)
    {
        var writer = Begin(output, (int)MqttControlPacketType.ConnAck << 4, 2, out var total);
        writer.WriteByte(p.SessionPresent ? (byte)1 : (byte)0);
        writer.WriteByte((byte)p.ReturnCode);
        return Commit(output, writer, total);
    }

    private static int EncodeSubscribe(IBufferWriter<byte> output, MqttSubscribePacket p)
    {
        var remaining = 2;
        foreach (var s in p.Subscriptions)
        {
            remaining += MqttBufferWriter.GetUtf8StringSize(s.TopicFilter) + 1;
        }

        var writer = Begin(output, ((int)MqttControlPacketType.Subscribe << 4) | 0x02, remaining, out var total);
        writer.WriteTwoByteInteger(p.PacketIdentifier);
        foreach (var s in p.Subscriptions)
        {
            writer.WriteUtf8String(s.TopicFilter);
            writer.WriteByte((byte)s.QualityOfService);
        }

        return Commit(output, writer, total);
    }

    private static int EncodeSubAck(IBufferWriter<byte> output, MqttSubAckPacket p)
    {
        var writer = Begin(output, (int)MqttControlPacketType.SubAck << 4, 2 + p.ReturnCodes.Count, out var total);
        writer.WriteTwoByteInteger(p.PacketIdentifier);
        foreach (var code in p.ReturnCodes)
        {
            writer.WriteByte(code);
        }

        return Commit(output, writer, total);
    }

    private static int EncodeUnsubscribe(IBufferWriter<byte> output, MqttUnsubscribePacket p)
    {
        var remaining = 2;
        foreach (var filter in p.TopicFilters)
        {
            remaining += MqttBufferWriter.GetUtf8StringSize(filter);
        }

        var writer = Begin(output, ((int)MqttControlPacketType.Unsubscribe << 4) | 0x02, remaining, out var total);
        writer.WriteTwoByteInteger(p.PacketIdentifier);
        foreach (var filter in p.TopicFilters)
        {
            writer.WriteUtf8String(filter);
        }

        return Commit(output, writer, total);
    }

    private static MqttBufferWriter Begin(IBufferWriter<byte> output, int firstByte, int remainingLength, out int total)
    {
        total = 1 + MqttRemainingLength.GetEncodedSize(remainingLength) + remainingLength;
        var writer = new MqttBufferWriter(output.GetSpan(total)[..total]);
        writer.WriteFixedHeader((byte)firstByte, remainingLength);
        return writer;
    }

    private static int Commit(IBufferWriter<byte> output, MqttBufferWriter writer, int total)
    {
        if (writer.Written != total)
        {
            throw new InvalidOperationException($"Encoder measured {total} bytes but wrote {writer.Written}.");
        }

        output.Advance(total);
        return total;
    }
}
