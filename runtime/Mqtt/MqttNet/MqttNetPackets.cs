using System.Buffers;
using System.Text;
using MQTTnet.Protocol;
using ProofOfHeat.Mqtt.Connection;
using ProofOfHeat.Mqtt.Packets;
using Net = MQTTnet.Packets;

namespace ProofOfHeat.Mqtt.MqttNet;

/// <summary>Translates between the session's packet records and MQTTnet's packet classes (MQTT 3.1.1 fields only).</summary>
internal static class MqttNetPackets
{
    public static Net.MqttPacket ToMqttNet(MqttPacket packet) => packet switch
    {
        MqttConnectPacket connect => Connect(connect),
        MqttSubscribePacket subscribe => new Net.MqttSubscribePacket
        {
            PacketIdentifier = subscribe.PacketIdentifier,
            TopicFilters = subscribe.Subscriptions
                .Select(s => new Net.MqttTopicFilter { Topic = s.TopicFilter, QualityOfServiceLevel = (MqttQualityOfServiceLevel)s.QualityOfService })
                .ToList(),
        },
        MqttUnsubscribePacket unsubscribe => new Net.MqttUnsubscribePacket
        {
            PacketIdentifier = unsubscribe.PacketIdentifier,
            TopicFilters = [.. unsubscribe.TopicFilters],
        },
        MqttPingReqPacket => Net.MqttPingReqPacket.Instance,
        MqttDisconnectPacket => new Net.MqttDisconnectPacket(),
        MqttPubAckPacket pubAck => new Net.MqttPubAckPacket { PacketIdentifier = pubAck.PacketIdentifier },
        _ => throw new ArgumentException($"{packet.GetType().Name} is not sent by the client.", nameof(packet)),
    };

    public static Net.MqttPublishPacket Publish(in OutgoingPublish message, bool duplicate, ushort packetIdentifier) => new()
    {
        Topic = message.Topic,
        Payload = new ReadOnlySequence<byte>(message.Payload),
        QualityOfServiceLevel = (MqttQualityOfServiceLevel)message.QualityOfService,
        Retain = message.Retain,
        Dup = duplicate,
        PacketIdentifier = packetIdentifier,
    };

    public static MqttPacket FromMqttNet(Net.MqttPacket packet) => packet switch
    {
        Net.MqttPublishPacket publish => Publish(publish),
        Net.MqttPubAckPacket pubAck => new MqttPubAckPacket(pubAck.PacketIdentifier),
        Net.MqttSubAckPacket subAck => new MqttSubAckPacket(subAck.PacketIdentifier, subAck.ReasonCodes.Select(c => (byte)c).ToArray()),
        Net.MqttUnsubAckPacket unsubAck => new MqttUnsubAckPacket(unsubAck.PacketIdentifier),
        Net.MqttPingRespPacket => MqttPingRespPacket.Instance,
        Net.MqttConnAckPacket connAck => new MqttConnAckPacket(connAck.IsSessionPresent, (MqttConnectReturnCode)connAck.ReturnCode),
        _ => throw new MqttProtocolException($"The broker sent a {packet.GetType().Name}, which only clients send or MQTT 3.1.1 does not have."),
    };

    private static MqttPublishPacket Publish(Net.MqttPublishPacket publish)
    {
        // QoS 2 is never subscribed to, and 3 is malformed (MQTT 3.1.1 §3.3.1.2): either is a broken broker.
        if (publish.QualityOfServiceLevel > MqttQualityOfServiceLevel.AtLeastOnce)
        {
            throw new MqttProtocolException($"The broker sent a PUBLISH with QoS {(int)publish.QualityOfServiceLevel}.");
        }

        // MQTTnet decodes each packet into a fresh array, so a single segment can be kept without copying.
        var payload = publish.Payload.IsSingleSegment ? publish.Payload.First : publish.Payload.ToArray();
        return new MqttPublishPacket(
            publish.Topic, payload, (MqttQualityOfService)publish.QualityOfServiceLevel, publish.Retain, publish.Dup, publish.PacketIdentifier);
    }

    private static Net.MqttConnectPacket Connect(MqttConnectPacket connect)
    {
        var packet = new Net.MqttConnectPacket
        {
            ClientId = connect.ClientId,
            CleanSession = connect.CleanSession,
            KeepAlivePeriod = connect.KeepAliveSeconds,
            Username = connect.UserName,
            Password = connect.Password is null ? null : Encoding.UTF8.GetBytes(connect.Password),
        };
        if (connect.Will is { } will)
        {
            packet.WillFlag = true;
            packet.WillTopic = will.Topic;
            packet.WillMessage = will.Payload.ToArray();
            packet.WillQoS = (MqttQualityOfServiceLevel)will.QualityOfService;
            packet.WillRetain = will.Retain;
        }

        return packet;
    }
}
