using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Mqtt.Codec;
using ProofOfHeat.Mqtt.Packets;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Codec;

/// <summary>The framer + decoder on hostile input: only <see cref="MqttProtocolException"/> may come out, and it always ends.</summary>
public sealed class MqttPacketDecoderFuzzTests
{
    private static readonly byte[][] ValidPackets =
    [
        MqttPacketCodecTests.Encode(new MqttConnectPacket("c", true, 10, "u", "p", new MqttLastWill("w", new byte[] { 1 }))),
        MqttPacketCodecTests.Encode(new MqttConnAckPacket(false, MqttConnectReturnCode.Accepted)),
        MqttPacketCodecTests.Encode(new MqttPublishPacket("a/b", new byte[] { 1, 2, 3 }, MqttQualityOfService.AtLeastOnce, true, true, 9)),
        MqttPacketCodecTests.Encode(new MqttPublishPacket("a", new byte[] { 9 }, MqttQualityOfService.AtMostOnce, false, false, 0)),
        MqttPacketCodecTests.Encode(new MqttPubAckPacket(9)),
        MqttPacketCodecTests.Encode(new MqttSubscribePacket(2, [new("a/+/#", MqttQualityOfService.AtLeastOnce)])),
        MqttPacketCodecTests.Encode(new MqttSubAckPacket(2, [0x01, 0x80])),
        MqttPacketCodecTests.Encode(new MqttUnsubscribePacket(3, ["a/#"])),
        MqttPacketCodecTests.Encode(new MqttUnsubAckPacket(3)),
        MqttPacketCodecTests.Encode(MqttPingRespPacket.Instance),
    ];

    /// <summary>Feeds bytes the way the connection does, optionally split into two segments; returns the packets decoded.</summary>
    private static int DecodeAll(byte[] bytes, int split)
    {
        var sequence = Segmented(bytes, split);
        var count = 0;
        while (MqttPacketFramer.TryReadPacket(ref sequence, 1 << 20, out var header, out var body))
        {
            MqttPacketDecoder.Decode(header, body.ToArray());
            count++;
        }

        return count;
    }

    private static bool OnlyProtocolExceptions(byte[] bytes, int split)
    {
        try
        {
            DecodeAll(bytes, split);
            return true;
        }
        catch (MqttProtocolException)
        {
            return true;
        }
    }

    [Property(MaxTest = 3000)]
    public bool Decode_RandomBytes_NeverThrowsAnythingButProtocolException(byte[] bytes, int split) =>
        OnlyProtocolExceptions(bytes ?? [], split);

    [Property(MaxTest = 3000)]
    public Property Decode_MutatedValidPackets_NeverThrowsAnythingButProtocolException()
    {
        var mutation =
            from count in Gen.Choose(1, ValidPackets.Length)
            from picks in Gen.ListOf(Gen.Choose(0, ValidPackets.Length - 1), count)
            from flips in Gen.ListOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 255)))
            from truncate in Gen.Choose(0, 8)
            from split in Gen.Choose(0, 100)
            select (picks, flips, truncate, split);
        return Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            var bytes = m.picks.SelectMany(i => ValidPackets[i]).ToArray();
            foreach (var (index, value) in m.flips)
            {
                bytes[index % bytes.Length] = (byte)value;
            }

            bytes = bytes[..Math.Max(0, bytes.Length - m.truncate)];
            return OnlyProtocolExceptions(bytes, m.split);
        });
    }

    /// <summary>
    /// The decoder alone, with every fixed header byte and a random body: framing cannot protect it here, so every
    /// packet type's body parser sees short, long and nonsense bodies.
    /// </summary>
    [Property(MaxTest = 5000)]
    public bool Decode_AnyHeaderByteAndRandomBody_NeverThrowsAnythingButProtocolException(byte header, byte[] body)
    {
        try
        {
            MqttPacketDecoder.Decode(header, body ?? []);
            return true;
        }
        catch (MqttProtocolException)
        {
            return true;
        }
    }

    /// <summary>
    /// Random bodies behind the headers a broker really sends, with a Remaining Length that matches: most of these
    /// get past framing into the body parsers (topic strings, identifiers, return codes).
    /// </summary>
    [Property(MaxTest = 5000)]
    public Property Decode_FramedRandomBodiesOfServerPacketTypes_NeverThrowsAnythingButProtocolException()
    {
        byte[] headers = [0x20, 0x30, 0x31, 0x32, 0x33, 0x3A, 0x3B, 0x40, 0x90, 0xB0, 0xD0];
        var framed =
            from header in Gen.Elements(headers)
            from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            from split in Gen.Choose(0, 100)
            select (Frame(header, body), split);
        return Prop.ForAll(framed.ToArbitrary(), f => OnlyProtocolExceptions(f.Item1, f.split));
    }

    [Fact]
    public void Framer_HeaderOfReservedTypeAnnouncingLongBody_RejectedBeforeTheBodyArrives()
    {
        // Type 0 announcing 7951 body bytes: waiting for them would stall the reader for good.
        var sequence = new ReadOnlySequence<byte>(Convert.FromHexString("0C8F3E7711"));

        Assert.Throws<MqttProtocolException>(() => MqttPacketFramer.TryReadPacket(ref sequence, 1 << 20, out _, out _));
    }

    [Fact]
    public void Framer_PubAckAnnouncingLongBody_RejectedBeforeTheBodyArrives()
    {
        var sequence = new ReadOnlySequence<byte>(Convert.FromHexString("40FF01"));

        Assert.Throws<MqttProtocolException>(() => MqttPacketFramer.TryReadPacket(ref sequence, 1 << 20, out _, out _));
    }

    [Fact]
    public void Framer_IncompleteValidPublish_WaitsForMoreBytes()
    {
        var sequence = new ReadOnlySequence<byte>(Convert.FromHexString("3020000361"));

        Assert.False(MqttPacketFramer.TryReadPacket(ref sequence, 1 << 20, out _, out _));
    }

    [Property(MaxTest = 500)]
    public bool Decode_ValidStreamSplitAnywhere_DecodesEveryPacket(int split)
    {
        var bytes = ValidPackets.SelectMany(p => p).ToArray();
        return DecodeAll(bytes, split) == ValidPackets.Length;
    }

    private static byte[] Frame(byte header, byte[] body)
    {
        var length = new byte[4];
        var size = MqttRemainingLength.Write(length, body.Length);
        return [header, .. length.AsSpan(0, size), .. body];
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int split)
    {
        if (bytes.Length < 2)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var at = (int)((uint)split % (uint)bytes.Length);
        var first = new Segment(bytes.AsMemory(0, at), 0);
        var last = first.Append(bytes.AsMemory(at));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
