using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Recording;

/// <summary>
/// Records a sampled series (a measurement whose later value replaces the earlier one: a miner's hashrate, a zone's
/// temperature) at most once per <see cref="Interval"/> per series, so a storm of changes cannot flood the outbox.
/// The first point of a quiet series passes at once; what comes within the interval after it waits, each new point
/// merged over the waiting one (a field it carries replaces the waiting one's, a field it lacks is kept), and the
/// merged point is recorded when the interval has passed (latest value wins, nothing is lost but superseded values).
/// Tables that are events (a command, a decision, an alert: every row counts) pass straight through.
/// A series is a table and its symbols. Never blocks beyond a short lock; timers run on the injected clock.
/// </summary>
public sealed class ThrottlingTelemetryRecorder : ITelemetryRecorder, IDisposable
{
    private readonly ITelemetryRecorder _inner;
    private readonly TimeProvider _time;
    private readonly Func<string, bool> _isSampled;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeriesSlot> _slots = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private DateTimeOffset? _armedFor;
    private int _waiting;
    private long _coalesced;
    private bool _disposed;

    /// <summary>Throttles the tables <paramref name="isSampled"/> names to one point per <paramref name="interval"/> per series.</summary>
    public ThrottlingTelemetryRecorder(ITelemetryRecorder inner, TimeProvider time, TimeSpan interval, Func<string, bool> isSampled)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(isSampled);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _inner = inner;
        _time = time;
        _isSampled = isSampled;
        Interval = interval;
        _timer = time.CreateTimer(_ => ReleaseDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The shortest time between two recorded points of one sampled series.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Points merged into a waiting point of their series instead of being recorded on their own.</summary>
    public long CoalescedPoints => Interlocked.Read(ref _coalesced);

    /// <summary>Series with a point waiting for its interval to pass.</summary>
    public int WaitingSeries
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    /// <inheritdoc />
    public void Record(TelemetryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var now = _time.GetUtcNow();
        // A point stamped ahead of now is a forecast (the day-ahead prices a plan counts on), not a sample of a
        // storm: each is its own time, so merging them would keep only the last.
        if (!_isSampled(point.Table) || point.Timestamp > now + Interval)
        {
            _inner.Record(point);
            return;
        }

        var key = SeriesOf(point);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (!_slots.TryGetValue(key, out var slot))
            {
                slot = new SeriesSlot();
                _slots[key] = slot;
            }

            if (slot.Waiting is { } waiting)
            {
                slot.Waiting = Merge(waiting, point);
                Interlocked.Increment(ref _coalesced);
                return;
            }

            if (slot.LastRecorded is not { } last || now - last >= Interval)
            {
                slot.LastRecorded = now;
                _inner.Record(point);
                return;
            }

            slot.Waiting = point;
            _waiting++;
            ArmFor(last + Interval, now);
        }
    }

    /// <summary>Records every waiting point now (the host is stopping) and stops throttling.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var slot in _slots.Values)
            {
                if (slot.Waiting is { } waiting)
                {
                    _inner.Record(waiting);
                    slot.Waiting = null;
                }
            }

            _waiting = 0;
        }

        _timer.Dispose();
    }

    private void ReleaseDue()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _armedFor = null;
            if (_disposed)
            {
                return;
            }

            DateTimeOffset? next = null;
            foreach (var slot in _slots.Values)
            {
                if (slot.Waiting is not { } waiting)
                {
                    continue;
                }

                var due = slot.LastRecorded!.Value + Interval;
                if (due <= now)
                {
                    slot.LastRecorded = now;
                    slot.Waiting = null;
                    _waiting--;
                    _inner.Record(waiting);
                }
                else if (next is not { } earlier || due < earlier)
                {
                    next = due;
                }
            }

            if (next is { } at)
            {
                ArmFor(at, now);
            }
        }
    }

    // Under the gate. One timer serves every series: it is armed for the earliest waiting point.
    private void ArmFor(DateTimeOffset due, DateTimeOffset now)
    {
        if (_armedFor is { } armed && armed <= due)
        {
            return;
        }

        _armedFor = due;
        _timer.Change(due - now, Timeout.InfiniteTimeSpan);
    }

    private static TelemetryPoint Merge(TelemetryPoint waiting, TelemetryPoint newer)
    {
        var fields = new List<TelemetryField>(Math.Max(waiting.Fields.Count, newer.Fields.Count));
        fields.AddRange(newer.Fields);
        foreach (var field in waiting.Fields)
        {
            if (!Carries(newer.Fields, field.Name))
            {
                fields.Add(field);
            }
        }

        return newer with { Fields = fields };
    }

    private static bool Carries(IReadOnlyList<TelemetryField> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string SeriesOf(TelemetryPoint point)
    {
        if (point.Symbols.Count == 0)
        {
            return point.Table;
        }

        // Symbols in the order the point gives them: a recorder always gives one series' symbols in one order.
        var length = point.Table.Length;
        foreach (var (key, value) in point.Symbols)
        {
            length += key.Length + value.Length + 2;
        }

        return string.Create(length, point, static (span, p) =>
        {
            p.Table.AsSpan().CopyTo(span);
            var at = p.Table.Length;
            foreach (var (key, value) in p.Symbols)
            {
                span[at++] = '\u001f';
                key.AsSpan().CopyTo(span[at..]);
                at += key.Length;
                span[at++] = '=';
                value.AsSpan().CopyTo(span[at..]);
                at += value.Length;
            }
        });
    }

    private sealed class SeriesSlot
    {
        public DateTimeOffset? LastRecorded { get; set; }

        public TelemetryPoint? Waiting { get; set; }
    }
}
