using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Ilp;

namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>Reading a sink's next batch.</summary>
public sealed partial class TelemetryOutbox
{
    /// <summary>
    /// Reads up to <paramref name="maxPoints"/> points after <paramref name="sinkName"/>'s cursor (and at most
    /// <see cref="OutboxOptions.MaxBatchBytes"/>). The cursor does not move until <see cref="Acknowledge"/>.
    /// </summary>
    public OutboxBatch Read(string sinkName, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        lock (_gate)
        {
            var cursor = Clamp(_cursors[sinkName]);
            _cursors[sinkName] = cursor;
            var length = _segmentLengths[cursor.Segment];
            var available = (int)Math.Min(length - cursor.Offset, _options.MaxBatchBytes);
            if (available <= 0)
            {
                return new OutboxBatch([], cursor, 0);
            }

            // Read about what maxPoints lines take (a few hundred bytes each), not the whole segment; all of what is
            // available when not even one whole line came in.
            var chunk = (int)Math.Min(available, Math.Max(64 * 1024, (long)maxPoints * 256));
            var buffer = ReadAt(cursor, chunk);
            if (chunk < available && buffer.AsSpan().IndexOf((byte)'\n') < 0)
            {
                buffer = ReadAt(cursor, available);
            }

            var points = new List<TelemetryPoint>(Math.Min(maxPoints, 4096));
            var damaged = 0;
            var consumed = 0;
            while (points.Count < maxPoints)
            {
                var feed = buffer.AsSpan(consumed).IndexOf((byte)'\n');
                if (feed < 0)
                {
                    break;
                }

                var line = buffer.AsSpan(consumed, feed);
                consumed += feed + 1;
                try
                {
                    points.Add(IlpLineReader.Read(line));
                }
                catch (FormatException error)
                {
                    // Only a torn write after a power loss can leave such a line (a kill cannot: the line was written
                    // whole or not at all), and a line that never parses must not stop the sinks forever.
                    damaged++;
                    LogDamagedLine(cursor.Segment, error.Message);
                }
                catch (OverflowException error)
                {
                    damaged++;
                    LogDamagedLine(cursor.Segment, error.Message);
                }
            }

            return new OutboxBatch(points, Clamp(cursor with { Offset = cursor.Offset + consumed }), damaged);
        }
    }

    private byte[] ReadAt(OutboxPosition position, int bytes)
    {
        var buffer = new byte[bytes];
        using var stream = new FileStream(PathOf(position.Segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = position.Offset;
        stream.ReadExactly(buffer);
        return buffer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry outbox: skipped a damaged line in segment {Segment}: {Reason}")]
    private partial void LogDamagedLine(long segment, string reason);
}
