using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>
/// The durable outbox between the recorder and the sinks: append-only segment files of line-protocol lines, and one
/// cursor per sink. A point counts as recorded once <see cref="Append"/> flushed it to the disk; it leaves the outbox
/// (its segment is deleted) once every sink's cursor passed it. Bounded: past <see cref="OutboxOptions.MaxBytes"/>
/// the oldest segment is dropped and the points no sink had yet are counted in <see cref="DroppedPoints"/>.
/// Why segment files of lines (not SQLite): bench/Telemetry/README.md, "Outbox format".
/// </summary>
public sealed partial class TelemetryOutbox : IDisposable
{
    private readonly Lock _gate = new();
    private readonly OutboxOptions _options;
    private readonly ILogger _logger;
    private readonly List<long> _segments;
    private readonly Dictionary<long, long> _segmentLengths = [];
    private readonly Dictionary<string, OutboxPosition> _cursors = new(StringComparer.Ordinal);
    private FileStream _active;
    private long _droppedPoints;
    private long _appendedPoints;

    /// <summary>Opens (or creates) the outbox in <see cref="OutboxOptions.Directory"/>, repairing a torn last line.</summary>
    public TelemetryOutbox(OutboxOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger;
        Directory.CreateDirectory(options.Directory);
        _segments = OutboxSegmentFile.List(options.Directory);
        if (_segments.Count == 0)
        {
            _segments.Add(1);
        }

        foreach (var number in _segments)
        {
            _segmentLengths[number] = File.Exists(PathOf(number)) ? new FileInfo(PathOf(number)).Length : 0;
        }

        var last = _segments[^1];
        if (File.Exists(PathOf(last)))
        {
            var before = _segmentLengths[last];
            _segmentLengths[last] = OutboxSegmentFile.TruncateTornTail(PathOf(last));
            if (_segmentLengths[last] != before)
            {
                LogTornTail(before - _segmentLengths[last]);
            }
        }

        _active = OpenForAppend(last);
    }

    /// <summary>Raised (outside the lock) after points were appended; the deliveries wake on it.</summary>
    public event Action? Appended;

    /// <summary>Points dropped because the outbox reached its bound before every sink had them.</summary>
    public long DroppedPoints => Interlocked.Read(ref _droppedPoints);

    /// <summary>Points appended since this outbox was opened.</summary>
    public long AppendedPoints => Interlocked.Read(ref _appendedPoints);

    /// <summary>Bytes the segments take now.</summary>
    public long SizeBytes
    {
        get
        {
            lock (_gate)
            {
                return _segmentLengths.Values.Sum();
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="lines"/> (whole lines, each ending with a line feed, <paramref name="pointCount"/> of
    /// them) and flushes them to the disk before returning.
    /// </summary>
    public void Append(ReadOnlySpan<byte> lines, int pointCount)
    {
        if (lines.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _active.Write(lines);
            _active.Flush(flushToDisk: true);
            var number = _segments[^1];
            _segmentLengths[number] += lines.Length;
            if (_segmentLengths[number] >= _options.SegmentBytes)
            {
                Roll();
            }

            EnforceBound();
            _appendedPoints += pointCount;
        }

        Appended?.Invoke();
    }

    /// <summary>Adds a sink: its cursor is loaded from the disk, or starts at the oldest point kept.</summary>
    public void Register(string sinkName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkName);
        lock (_gate)
        {
            var loaded = OutboxCursorFile.Load(_options.Directory, sinkName);
            _cursors[sinkName] = Clamp(loaded ?? new OutboxPosition(_segments[0], 0));
        }
    }

    /// <summary>Moves <paramref name="sinkName"/>'s cursor to <paramref name="end"/> (saved to the disk) and deletes segments every sink passed.</summary>
    public void Acknowledge(string sinkName, OutboxPosition end)
    {
        lock (_gate)
        {
            var current = _cursors[sinkName];
            var next = Clamp(end);
            if (next <= current)
            {
                return;
            }

            _cursors[sinkName] = next;
            OutboxCursorFile.Save(_options.Directory, sinkName, next);
            DeleteDelivered();
        }
    }

    /// <summary>
    /// How many points <paramref name="sinkName"/> has not acknowledged yet. It counts lines on disk, outside the
    /// lock so that it never holds up recording or delivery: for reports and tests, not for hot paths.
    /// </summary>
    public long Pending(string sinkName)
    {
        OutboxPosition cursor;
        long[] segments;
        lock (_gate)
        {
            cursor = _cursors[sinkName];
            segments = [.. _segments.Where(s => s >= cursor.Segment)];
        }

        long pending = 0;
        foreach (var segment in segments)
        {
            try
            {
                pending += OutboxSegmentFile.CountLines(PathOf(segment), segment == cursor.Segment ? cursor.Offset : 0);
            }
            catch (FileNotFoundException)
            {
                // Delivered (or dropped) and deleted meanwhile.
            }
        }

        return pending;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _active.Dispose();
        }
    }

    private string PathOf(long number) => OutboxSegmentFile.PathFor(_options.Directory, number);

    private FileStream OpenForAppend(long number) =>
        new(PathOf(number), FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);

    private void Roll()
    {
        _active.Dispose();
        var next = _segments[^1] + 1;
        _segments.Add(next);
        _segmentLengths[next] = 0;
        _active = OpenForAppend(next);
    }

    private OutboxPosition Clamp(OutboxPosition position)
    {
        if (position.Segment < _segments[0])
        {
            return new OutboxPosition(_segments[0], 0);
        }

        // Past the end of a closed segment: the next one's start.
        var index = _segments.BinarySearch(position.Segment);
        if (index >= 0 && index < _segments.Count - 1 && position.Offset >= _segmentLengths[position.Segment])
        {
            return new OutboxPosition(_segments[index + 1], 0);
        }

        return position;
    }

    private void EnforceBound()
    {
        var total = _segmentLengths.Values.Sum();
        while (total > _options.MaxBytes && _segments.Count > 1)
        {
            var oldest = _segments[0];
            var earliest = _cursors.Count == 0 ? new OutboxPosition(oldest + 1, 0) : _cursors.Values.Min();
            if (earliest.Segment == oldest)
            {
                var lost = OutboxSegmentFile.CountLines(PathOf(oldest), earliest.Offset);
                _droppedPoints += lost;
                LogDropped(lost, oldest, _options.MaxBytes);
            }

            total -= RemoveOldest();
        }
    }

    private void DeleteDelivered()
    {
        var earliest = _cursors.Values.Min();
        while (_segments.Count > 1 && _segments[0] < earliest.Segment)
        {
            RemoveOldest();
        }
    }

    private long RemoveOldest()
    {
        var oldest = _segments[0];
        _segments.RemoveAt(0);
        var length = _segmentLengths[oldest];
        _segmentLengths.Remove(oldest);
        File.Delete(PathOf(oldest));
        foreach (var sink in _cursors.Keys.ToList())
        {
            if (_cursors[sink].Segment <= oldest)
            {
                _cursors[sink] = new OutboxPosition(_segments[0], 0);
            }
        }

        return length;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry outbox: cut a torn last line of {Bytes} bytes (never acknowledged as recorded)")]
    private partial void LogTornTail(long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry outbox full ({MaxBytes} bytes): dropped {Points} undelivered points with segment {Segment}")]
    private partial void LogDropped(long points, long segment, long maxBytes);
}
