using System.Text;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Ilp;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

public sealed class IlpWriterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_765_000_000_123);

    private static string Encode(TelemetryPoint point)
    {
        var writer = new IlpWriter(256);
        writer.Write(point);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    [Fact]
    public void Writes_each_type_with_its_suffix_and_a_nanosecond_timestamp()
    {
        var line = Encode(new TelemetryPoint("miner", At, [new("miner", "s19")],
            [TelemetryField.Of("power_w", 3250.5), TelemetryField.Of("whole_w", 30.0), TelemetryField.Of("chips", 189L),
             TelemetryField.Of("mining", true), TelemetryField.Of("idle", false), TelemetryField.Of("mode", "heat")]));

        Assert.Equal("miner,miner=s19 power_w=3250.5,whole_w=30,chips=189i,mining=t,idle=f,mode=\"heat\" 1765000000123000000\n", line);
    }

    [Fact]
    public void Escapes_spaces_commas_and_equals_where_the_protocol_requires()
    {
        var line = Encode(new TelemetryPoint("my table,x", At, [new("zone name", "living room,=1")],
            [TelemetryField.Of("note=a b,c", "say \"hi\" \\ bye")]));

        Assert.Equal("my\\ table\\,x,zone\\ name=living\\ room\\,\\=1 note\\=a\\ b\\,c=\"say \\\"hi\\\" \\\\ bye\" 1765000000123000000\n", line);
    }

    [Fact]
    public void Keeps_line_breaks_out_of_the_line()
    {
        var line = Encode(new TelemetryPoint("t", At, [new("k", "a\nb")], [TelemetryField.Of("s", "x\ny")]));

        Assert.Equal("t,k=a\\ b s=\"x\\ny\" 1765000000123000000\n", line);
    }

    [Fact]
    public void Leaves_out_non_finite_floats_and_points_left_without_fields()
    {
        var writer = new IlpWriter(256);
        Assert.True(writer.Write(new TelemetryPoint("t", At, [], [TelemetryField.Of("a", double.NaN), TelemetryField.Of("b", 1.25)])));
        Assert.False(writer.Write(new TelemetryPoint("t", At, [], [TelemetryField.Of("a", double.PositiveInfinity)])));
        Assert.Equal("t b=1.25 1765000000123000000\n", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void Writes_utf8_and_grows_its_buffer()
    {
        var writer = new IlpWriter(256);
        var long_text = new string('ж', 500);
        writer.Write(new TelemetryPoint("zone", At, [new("zone", "гостиная")], [TelemetryField.Of("label", long_text)]));
        Assert.Equal($"zone,zone=гостиная label=\"{long_text}\" 1765000000123000000\n", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var point = new TelemetryPoint("a b,c", At, [new("k=1", "v, w"), new("family", "braiins")],
            [TelemetryField.Of("f", -0.1), TelemetryField.Of("i", long.MinValue), TelemetryField.Of("b", true), TelemetryField.Of("s", "q\"\\\n")]);
        var writer = new IlpWriter(256);
        writer.Write(point);

        var read = IlpLineReader.Read(writer.WrittenSpan[..^1]);

        Assert.Equal(point.Table, read.Table);
        Assert.Equal(point.Timestamp, read.Timestamp);
        Assert.Equal(point.Symbols, read.Symbols);
        Assert.Equal(point.Fields, read.Fields);
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public bool Every_finite_double_reads_back_exactly(double value, int thousandths)
    {
        var writer = new IlpWriter(256);
        var rounded = thousandths / 1000.0;
        foreach (var candidate in new[] { value, rounded, -rounded })
        {
            if (!double.IsFinite(candidate))
            {
                continue;
            }

            writer.Clear();
            writer.Write(new TelemetryPoint("t", At, [], [TelemetryField.Of("v", candidate)]));
            var read = IlpLineReader.Read(writer.WrittenSpan[..^1]).Fields[0].DoubleValue;
            if (BitConverter.DoubleToInt64Bits(read) != BitConverter.DoubleToInt64Bits(candidate) && !(candidate == 0 && read == 0))
            {
                return false;
            }
        }

        return true;
    }

    [Theory]
    [InlineData(104.25, "104.25")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(21.05, "21.05")]
    [InlineData(1e20, "1E+20")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Writes_floats_in_their_shortest_exact_form(double value, string expected) =>
        Assert.Equal($"t v={expected} 1765000000123000000\n", Encode(new TelemetryPoint("t", At, [], [TelemetryField.Of("v", value)])));

    [Fact]
    public void Allocates_nothing_per_point_once_the_buffer_is_grown()
    {
        var point = new TelemetryPoint("miner", At, [new("miner", "s19"), new("family", "braiins")],
            [TelemetryField.Of("hashrate_ths", 104.2), TelemetryField.Of("power_w", 3250L), TelemetryField.Of("mode", "heat")]);
        var writer = new IlpWriter();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(point);
        }

        writer.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(point);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
