using ProofOfHeat.HomeAssistant.Connection;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.Connection;

public sealed class HaReceiveBufferTests
{
    [Fact]
    public void Write_ExactlyTheLimit_FitsAndOneByteMoreThrows()
    {
        var buffer = new HaReceiveBuffer(initialCapacity: 16, limit: 1000);
        var written = 0;
        while (written < 1000)
        {
            var memory = buffer.GetMemory(300);
            var count = Math.Min(memory.Length, 1000 - written);
            memory.Span[..count].Fill((byte)'a');
            buffer.Advance(count);
            written += count;
        }

        Assert.Equal(1000, buffer.WrittenCount);
        Assert.Equal(1000, buffer.Capacity);
        var error = Assert.Throws<HomeAssistantConnectionException>(() => buffer.GetMemory(1));
        Assert.Contains("larger than the limit of 1000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grow_KeepsTheBytesWrittenAndNeverPassesTheLimit()
    {
        var buffer = new HaReceiveBuffer(initialCapacity: 4, limit: 10);
        "abc"u8.CopyTo(buffer.GetSpan(3));
        buffer.Advance(3);

        var rest = buffer.GetMemory(100);

        Assert.Equal(7, rest.Length);
        Assert.Equal("abc"u8.ToArray(), buffer.WrittenSpan.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(8));
    }

    [Fact]
    public void Reset_StartsTheNextMessageInTheSameMemory()
    {
        var buffer = new HaReceiveBuffer(initialCapacity: 8, limit: 8);
        buffer.GetSpan(8).Fill(1);
        buffer.Advance(8);

        buffer.ResetWrittenCount();

        Assert.Equal(0, buffer.WrittenCount);
        Assert.Equal(8, buffer.GetMemory(8).Length);
    }
}
