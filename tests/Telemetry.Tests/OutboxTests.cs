using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Ilp;
using ProofOfHeat.Telemetry.Outbox;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

public sealed class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("poh-outbox-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private OutboxOptions Options(long maxBytes = 1024 * 1024, long segmentBytes = 4096) =>
        new() { Directory = _directory, MaxBytes = maxBytes, SegmentBytes = segmentBytes };

    private static TelemetryPoint Point(int index) =>
        new("zone", Day.AddSeconds(index), [new("zone", "living")], [TelemetryField.Of("index", (long)index)]);

    private static void Append(TelemetryOutbox outbox, int from, int count)
    {
        var writer = new IlpWriter();
        for (var i = from; i < from + count; i++)
        {
            writer.Write(Point(i));
        }

        outbox.Append(writer.WrittenSpan, count);
    }

    private static List<long> Drain(TelemetryOutbox outbox, string sink, int batch = 50)
    {
        var seen = new List<long>();
        while (true)
        {
            var read = outbox.Read(sink, batch);
            if (read.IsEmpty)
            {
                return seen;
            }

            seen.AddRange(read.Points.Select(p => p.Fields[0].LongValue));
            outbox.Acknowledge(sink, read.End);
        }
    }

    [Fact]
    public void Each_sink_reads_every_point_once_in_order_across_segments()
    {
        using var outbox = new TelemetryOutbox(Options(), NullLogger.Instance);
        outbox.Register("a");
        outbox.Register("b");
        Append(outbox, 0, 300);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), Drain(outbox, "a"));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), Drain(outbox, "b", batch: 7));
        Assert.Equal(0, outbox.Pending("a"));
    }

    [Fact]
    public void An_unacknowledged_batch_is_read_again_and_the_cursor_survives_a_reopen()
    {
        using (var outbox = new TelemetryOutbox(Options(), NullLogger.Instance))
        {
            outbox.Register("questdb");
            Append(outbox, 0, 100);
            var first = outbox.Read("questdb", 40);
            outbox.Acknowledge("questdb", first.End);
            var second = outbox.Read("questdb", 40);
            Assert.Equal(40, second.Points[0].Fields[0].LongValue);

            // Not acknowledged: the reopened outbox offers it again.
        }

        using var reopened = new TelemetryOutbox(Options(), NullLogger.Instance);
        reopened.Register("questdb");
        Assert.Equal(Enumerable.Range(40, 60).Select(i => (long)i), Drain(reopened, "questdb"));
    }

    [Fact]
    public void Segments_every_sink_passed_are_deleted_and_ones_a_slow_sink_needs_are_kept()
    {
        using var outbox = new TelemetryOutbox(Options(), NullLogger.Instance);
        outbox.Register("fast");
        outbox.Register("slow");
        Append(outbox, 0, 500);
        var full = outbox.SizeBytes;

        Drain(outbox, "fast");
        Assert.Equal(full, outbox.SizeBytes);
        Drain(outbox, "slow");

        Assert.True(outbox.SizeBytes < 4096, $"{outbox.SizeBytes} bytes left");
        Assert.Single(Directory.GetFiles(_directory, "*.ilp"));
    }

    [Fact]
    public void Past_its_bound_the_oldest_points_are_dropped_and_counted()
    {
        using var outbox = new TelemetryOutbox(Options(maxBytes: 16 * 1024, segmentBytes: 4096), NullLogger.Instance);
        outbox.Register("down");
        for (var i = 0; i < 1000; i += 10)
        {
            Append(outbox, i, 10);
        }

        Assert.True(outbox.SizeBytes <= 16 * 1024, $"{outbox.SizeBytes} bytes");
        Assert.True(outbox.DroppedPoints > 0);
        var kept = Drain(outbox, "down");
        Assert.Equal(1000, kept.Count + outbox.DroppedPoints);
        Assert.Equal(Enumerable.Range((int)outbox.DroppedPoints, kept.Count).Select(i => (long)i), kept);
    }

    [Fact]
    public void A_torn_last_line_is_cut_on_open_and_the_whole_lines_are_kept()
    {
        using (var outbox = new TelemetryOutbox(Options(), NullLogger.Instance))
        {
            outbox.Register("s");
            Append(outbox, 0, 10);
        }

        var segment = Directory.GetFiles(_directory, "*.ilp").Single();
        File.AppendAllText(segment, "zone,zone=living index=10", Encoding.UTF8);

        using var reopened = new TelemetryOutbox(Options(), NullLogger.Instance);
        reopened.Register("s");
        Append(reopened, 11, 1);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => (long)i), 11L], Drain(reopened, "s"));
    }

    [Fact]
    public void A_damaged_line_is_skipped_not_stuck_on()
    {
        using var outbox = new TelemetryOutbox(Options(), NullLogger.Instance);
        outbox.Register("s");
        Append(outbox, 0, 1);
        outbox.Append("\0\0\0 garbage\n"u8, 1);
        Append(outbox, 1, 1);

        var batch = outbox.Read("s", 10);

        Assert.Equal(1, batch.DamagedLines);
        Assert.Equal([0L, 1L], batch.Points.Select(p => p.Fields[0].LongValue));
    }
}
