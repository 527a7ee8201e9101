namespace ProofOfHeat.TestKit.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test calls <see cref="Advance"/>.
/// Timers created from it (and so <c>Task.Delay(d, provider)</c>, <c>PeriodicTimer</c>,
/// <c>WaitAsync(timeout, provider)</c> and <c>CancellationTokenSource(delay, provider)</c>) fire
/// in due order while time is advanced. Modelled on Microsoft.Extensions.TimeProvider.Testing,
/// which our package registry does not carry.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;
    private long _sequence;

    /// <summary>Starts the clock at 2026-01-05 06:00 UTC (a Monday morning in winter).</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Sets the zone that <see cref="TimeProvider.GetLocalNow"/> uses.</summary>
    public void SetLocalTimeZone(TimeZoneInfo zone) => _localTimeZone = zone;

    /// <summary>Number of timers that are armed (useful to wait until code under test has scheduled its next wake-up).</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers
                    .Where(t => t.DueAt is not null && t.DueAt <= target)
                    .OrderBy(t => t.DueAt)
                    .ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }

                next.Rearm(_now);
            }

            next.Fire();
        }
    }

    /// <summary>Sets the clock to <paramref name="instant"/>, which must not lie in the past.</summary>
    public void SetUtcNow(DateTimeOffset instant) => Advance(instant - GetUtcNow());

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                _period = period;
                Sequence = ++owner._sequence;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            }

            if (DueAt is not null && dueTime <= TimeSpan.Zero)
            {
                // A zero due time fires at once, as a real timer would on its next tick.
                lock (owner._gate)
                {
                    Rearm(owner._now);
                }

                Fire();
            }

            return true;
        }

        /// <summary>Called under the owner's lock once the timer is due.</summary>
        public void Rearm(DateTimeOffset now)
        {
            DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : now + _period;
            Sequence = ++owner._sequence;
        }

        /// <summary>
        /// Runs the callback as a real timer does: on a thread without the caller's synchronization context. On the
        /// test's thread (xunit installs its own context) the runtime would not inline <c>ConfigureAwait(false)</c>
        /// continuations and would queue them to the thread pool instead, so code awaiting <c>Task.Delay</c> on this
        /// clock would run after <see cref="Advance"/> returned; without the context it runs inside Advance, in due order.
        /// </summary>
        public void Fire()
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                callback(state);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
            }

            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
