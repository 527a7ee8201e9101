using System.Buffers;
using System.Text;
using ProofOfHeat.Mqtt.Codec;
using ProofOfHeat.Mqtt.Packets;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Codec;

public sealed class MqttPacketCodecTests
{
    internal static byte[] Encode(MqttPacket packet)
    {
        var writer = new ArrayBufferWriter<byte>();
        MqttPacketEncoder.Encode(packet, writer);
        return writer.WrittenSpan.ToArray();
    }

    internal static MqttPacket RoundTrip(MqttPacket packet)
    {
        var sequence = new ReadOnlySequence<byte>(Encode(packet));
        Assert.True(MqttPacketFramer.TryReadPacket(ref sequence, int.MaxValue, out var header, out var body));
        Assert.True(sequence.IsEmpty);
        return MqttPacketDecoder.Decode(header, body.ToArray());
    }

    [Fact]
    public void Connect_AllFields_RoundTrips()
    {
        var will = new MqttLastWill("poh/status", Encoding.UTF8.GetBytes("offline"), MqttQualityOfService.AtLeastOnce, Retain: true);
        var packet = new MqttConnectPacket("client-1", CleanSession: true, 30, "user", "pässword", will);

        var decoded = Assert.IsType<MqttConnectPacket>(RoundTrip(packet));

        Assert.Equal(packet with { Will = null }, decoded with { Will = null });
        Assert.NotNull(decoded.Will);
        Assert.Equal(will.Topic, decoded.Will!.Topic);
        Assert.Equal("offline", Encoding.UTF8.GetString(decoded.Will.Payload.Span));
        Assert.Equal(will.QualityOfService, decoded.Will.QualityOfService);
        Assert.True(decoded.Will.Retain);
    }

    [Fact]
    public void Connect_Minimal_EncodesSpecBytes()
    {
        var bytes = Encode(new MqttConnectPacket("a", CleanSession: true, 60, null, null, null));

        // 10 0D | 00 04 'MQTT' | 04 | flags 02 | keep-alive 00 3C | 00 01 'a'
        Assert.Equal("100D00044D5154540402003C000161", Convert.ToHexString(bytes));
    }

    [Theory]
    [InlineData(false, MqttConnectReturnCode.Accepted, "20020000")]
    [InlineData(true, MqttConnectReturnCode.Accepted, "20020100")]
    [InlineData(false, MqttConnectReturnCode.NotAuthorized, "20020005")]
    public void ConnAck_RoundTripsAndMatchesWireBytes(bool sessionPresent, MqttConnectReturnCode code, string hex)
    {
        var packet = new MqttConnAckPacket(sessionPresent, code);

        Assert.Equal(hex, Convert.ToHexString(Encode(packet)));
        Assert.Equal(packet, RoundTrip(packet));
    }

    [Theory]
    [InlineData(MqttQualityOfService.AtMostOnce, false, false, 0)]
    [InlineData(MqttQualityOfService.AtLeastOnce, true, false, 42)]
    [InlineData(MqttQualityOfService.AtLeastOnce, false, true, 65535)]
    public void Publish_RoundTripsFlagsAndPayload(MqttQualityOfService qos, bool retain, bool dup, int id)
    {
        var packet = new MqttPublishPacket("home/kitchen/temp", new byte[] { 1, 2, 3, 0, 255 }, qos, retain, dup, (ushort)id);

        var decoded = Assert.IsType<MqttPublishPacket>(RoundTrip(packet));

        Assert.Equal(packet with { Payload = default }, decoded with { Payload = default });
        Assert.Equal(packet.Payload.ToArray(), decoded.Payload.ToArray());
    }

    [Fact]
    public void Publish_QoS1Dup_FixedHeaderHasDupQosRetainBits()
    {
        var bytes = Encode(new MqttPublishPacket("t", "x"u8.ToArray(), MqttQualityOfService.AtLeastOnce, true, true, 1));

        Assert.Equal(0x3B, bytes[0]);
        Assert.Equal("3B060001740001" + "78", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Publish_LargePayload_RoundTripsAcrossRemainingLengthSizes()
    {
        var payload = new byte[2_097_152];
        Random.Shared.NextBytes(payload);

        var decoded = Assert.IsType<MqttPublishPacket>(RoundTrip(new MqttPublishPacket("big", payload, MqttQualityOfService.AtMostOnce, false, false, 0)));

        Assert.True(payload.AsSpan().SequenceEqual(decoded.Payload.Span));
    }

    [Fact]
    public void PubAck_RoundTrips() => Assert.Equal(new MqttPubAckPacket(7), RoundTrip(new MqttPubAckPacket(7)));

    [Fact]
    public void UnsubAck_RoundTrips() => Assert.Equal(new MqttUnsubAckPacket(9), RoundTrip(new MqttUnsubAckPacket(9)));

    [Fact]
    public void Subscribe_RoundTrips()
    {
        var packet = new MqttSubscribePacket(3, [new("a/+/c", MqttQualityOfService.AtLeastOnce), new("#", MqttQualityOfService.AtMostOnce)]);

        var decoded = Assert.IsType<MqttSubscribePacket>(RoundTrip(packet));

        Assert.Equal(3, decoded.PacketIdentifier);
        Assert.Equal(packet.Subscriptions, decoded.Subscriptions);
        Assert.Equal(0x82, Encode(packet)[0]);
    }

    [Fact]
    public void SubAck_RoundTripsFailureCode()
    {
        var decoded = Assert.IsType<MqttSubAckPacket>(RoundTrip(new MqttSubAckPacket(4, [0x00, 0x01, 0x80])));

        Assert.Equal(new byte[] { 0x00, 0x01, 0x80 }, decoded.ReturnCodes);
    }

    [Fact]
    public void Unsubscribe_RoundTrips()
    {
        var decoded = Assert.IsType<MqttUnsubscribePacket>(RoundTrip(new MqttUnsubscribePacket(5, ["a/#", "b"])));

        Assert.Equal(new[] { "a/#", "b" }, decoded.TopicFilters);
    }

    [Fact]
    public void PingReq_PingResp_Disconnect_AreTwoBytesAndRoundTrip()
    {
        Assert.Equal("C000", Convert.ToHexString(Encode(MqttPingReqPacket.Instance)));
        Assert.Equal("D000", Convert.ToHexString(Encode(MqttPingRespPacket.Instance)));
        Assert.Equal("E000", Convert.ToHexString(Encode(MqttDisconnectPacket.Instance)));
        Assert.Same(MqttPingReqPacket.Instance, RoundTrip(MqttPingReqPacket.Instance));
        Assert.Same(MqttPingRespPacket.Instance, RoundTrip(MqttPingRespPacket.Instance));
        Assert.Same(MqttDisconnectPacket.Instance, RoundTrip(MqttDisconnectPacket.Instance));
    }

    [Theory]
    [InlineData("380400017478", "DUP with QoS 0")]
    [InlineData("36050001740001", "QoS 3")]
    [InlineData("3403000174", "QoS 2")]
    [InlineData("320500012B0001", "wildcard in topic name")]
    [InlineData("3205000174" + "0000", "packet id 0")]
    [InlineData("300300012B", "wildcard in QoS 0 topic")]
    [InlineData("3003000100", "U+0000 in topic")]
    [InlineData("30030001C3", "truncated UTF-8")]
    [InlineData("8103000161", "reserved SUBSCRIBE flags")]
    [InlineData("900300010F", "reserved SUBACK code")]
    [InlineData("C10000", "reserved PINGREQ flags")]
    [InlineData("F000", "reserved type 15")]
    [InlineData("0000", "reserved type 0")]
    [InlineData("50020001", "PUBREC")]
    [InlineData("4003000100", "PUBACK with trailing byte")]
    [InlineData("2002FE00", "reserved CONNACK flags")]
    public void Decode_MalformedPacket_ThrowsProtocolException(string hex, string why)
    {
        var bytes = Convert.FromHexString(hex);
        var sequence = new ReadOnlySequence<byte>(bytes);

        var ex = Record.Exception(() =>
        {
            Assert.True(MqttPacketFramer.TryReadPacket(ref sequence, int.MaxValue, out var header, out var body));
            MqttPacketDecoder.Decode(header, body.ToArray());
        });

        Assert.True(ex is MqttProtocolException, $"{why}: expected MqttProtocolException, got {ex?.GetType().Name ?? "none"}");
    }
}
