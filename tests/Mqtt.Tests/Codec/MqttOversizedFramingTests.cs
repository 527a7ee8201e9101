using System.Buffers;
using ProofOfHeat.Mqtt.Codec;
using ProofOfHeat.Mqtt.Packets;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Codec;

/// <summary><see cref="MqttPacketFramer.TryReadPacketOrOversized"/>: what is read of a packet above the limit, and what is left to skip.</summary>
public sealed class MqttOversizedFramingTests
{
    [Fact]
    public void OversizedPublish_HeadIncomplete_WaitsWithoutConsuming()
    {
        // QoS 1 PUBLISH, Remaining Length 200, topic length 5 but only "ab" of the topic present.
        var buffer = new ReadOnlySequence<byte>([0x32, 0xC8, 0x01, 0x00, 0x05, (byte)'a', (byte)'b']);
        var before = buffer.Length;

        Assert.False(MqttPacketFramer.TryReadPacketOrOversized(ref buffer, 100, out _, out _, out var oversized));
        Assert.Null(oversized);
        Assert.Equal(before, buffer.Length);
    }

    [Fact]
    public void OversizedPublish_HeadComplete_ReturnsTopicIdentifierAndTheBytesLeftToSkip()
    {
        byte[] bytes = [0x32, 0xC8, 0x01, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', 0xBE, 0xEF, 0x01, 0x02];
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(MqttPacketFramer.TryReadPacketOrOversized(ref buffer, 100, out var header, out _, out var oversized));
        Assert.Equal(0x32, header);
        Assert.Equal(new MqttOversizedPacket(0x32, 200, 200 - 2 - 3 - 2, "a/b", 0xBEEF), oversized);
        Assert.Equal(new byte[] { 0x01, 0x02 }, buffer.ToArray()); // the payload bytes present are left for skipping
    }

    [Fact]
    public void OversizedSubAck_WholeBodyIsToSkip()
    {
        var buffer = new ReadOnlySequence<byte>([0x90, 0xC8, 0x01, 0x00, 0x01]);

        Assert.True(MqttPacketFramer.TryReadPacketOrOversized(ref buffer, 100, out _, out _, out var oversized));
        Assert.Equal(200, oversized!.BytesToSkip);
        Assert.Null(oversized.Topic);
        Assert.Equal(2, buffer.Length);
    }

    [Fact]
    public void OversizedPublish_TopicLongerThanThePacket_IsAProtocolError()
    {
        var buffer = new ReadOnlySequence<byte>([0x30, 0xC8, 0x01, 0xFF, 0xFF]);

        Assert.Throws<MqttProtocolException>(() => MqttPacketFramer.TryReadPacketOrOversized(ref buffer, 100, out _, out _, out _));
    }

    [Fact]
    public void PacketWithinTheLimit_IsFramedAsUsual()
    {
        var buffer = new ReadOnlySequence<byte>([0x30, 0x05, 0x00, 0x01, (byte)'t', (byte)'h', (byte)'i']);

        Assert.True(MqttPacketFramer.TryReadPacketOrOversized(ref buffer, 100, out var header, out var body, out var oversized));
        Assert.Null(oversized);
        Assert.Equal(0x30, header);
        Assert.Equal(5, body.Length);
        Assert.True(buffer.IsEmpty);
    }
}
