using System.Buffers;
using ProofOfHeat.Mqtt.Codec;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Codec;

public sealed class MqttRemainingLengthTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16383, "FF7F")]
    [InlineData(16384, "808001")]
    [InlineData(2097151, "FFFF7F")]
    [InlineData(2097152, "80808001")]
    [InlineData(268435455, "FFFFFF7F")]
    public void Write_Boundary_EncodesSpecBytesAndReadsBack(int value, string expectedHex)
    {
        var buffer = new byte[4];
        var written = MqttRemainingLength.Write(buffer, value);

        Assert.Equal(expectedHex, Convert.ToHexString(buffer, 0, written));
        Assert.Equal(written, MqttRemainingLength.GetEncodedSize(value));
        Assert.True(MqttRemainingLength.TryRead(buffer.AsSpan(0, written), out var read, out var consumed));
        Assert.Equal(value, read);
        Assert.Equal(written, consumed);
    }

    [Fact]
    public void TryRead_FifthContinuationByte_ThrowsProtocolException()
    {
        Assert.Throws<MqttProtocolException>(() => MqttRemainingLength.TryRead([0xFF, 0xFF, 0xFF, 0xFF, 0x01], out _, out _));
    }

    [Fact]
    public void TryRead_Truncated_ReturnsFalse()
    {
        Assert.False(MqttRemainingLength.TryRead([0x80, 0x80], out _, out _));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(268435456)]
    public void GetEncodedSize_OutOfRange_Throws(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttRemainingLength.GetEncodedSize(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(2097151)]
    [InlineData(2097152)]
    public void Framer_PacketWithBoundaryLength_ExtractsWholeBodyOnlyWhenComplete(int bodyLength)
    {
        var packet = new byte[1 + MqttRemainingLength.GetEncodedSize(bodyLength) + bodyLength];
        // PUBLISH for every length that can carry a topic; an empty body is only valid for e.g. PINGRESP.
        var firstByte = (byte)(bodyLength == 0 ? 0xD0 : 0x30);
        packet[0] = firstByte;
        MqttRemainingLength.Write(packet.AsSpan(1), bodyLength);

        var partial = new ReadOnlySequence<byte>(packet, 0, packet.Length - 1);
        var complete = new ReadOnlySequence<byte>(packet);

        Assert.True(bodyLength == 0 || !MqttPacketFramer.TryReadPacket(ref partial, int.MaxValue, out _, out _));
        Assert.True(MqttPacketFramer.TryReadPacket(ref complete, int.MaxValue, out var header, out var body));
        Assert.Equal(firstByte, header);
        Assert.Equal(bodyLength, body.Length);
        Assert.True(complete.IsEmpty);
    }

    [Fact]
    public void Framer_MaxRemainingLengthHeader_WaitsForBodyWithoutAllocating()
    {
        var header = new ReadOnlySequence<byte>(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0x7F, 0x00 });

        Assert.False(MqttPacketFramer.TryReadPacket(ref header, int.MaxValue, out _, out _));
    }

    [Fact]
    public void Framer_PacketAboveMaximumSize_ThrowsProtocolException()
    {
        var packet = new ReadOnlySequence<byte>(new byte[] { 0x30, 0x80, 0x01 });

        Assert.Throws<MqttProtocolException>(() => MqttPacketFramer.TryReadPacket(ref packet, 100, out _, out _));
    }
}
