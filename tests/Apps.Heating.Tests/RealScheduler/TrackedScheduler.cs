using ProofOfHeat.AppModel.Scheduling;

namespace ProofOfHeat.Apps.Heating.Tests.RealScheduler;

/// <summary>
/// The product's <see cref="AppScheduler"/>, watched: it knows when each schedule is next due, so a test on fake time
/// can wait until every action that fell due at or before the clock's time has run (the real scheduler resumes its
/// loops on the thread pool, after the advance of the clock has returned). Timing is the real scheduler's:
/// fixed-rate, non-overlapping loops and one-shot delays on the injected clock.
/// </summary>
internal sealed class TrackedScheduler(AppScheduler inner) : IAppScheduler
{
    private readonly Lock _gate = new();
    private readonly List<Schedule> _schedules = [];

    public TimeProvider TimeProvider => inner.TimeProvider;

    private DateTimeOffset Now => inner.TimeProvider.GetUtcNow();

    /// <summary>Whether every action due by now has finished and none is running.</summary>
    public bool Settled
    {
        get
        {
            var now = inner.TimeProvider.GetUtcNow();
            lock (_gate)
            {
                return _schedules.All(s => s.Cancelled || (s.Running == 0 && (s.NextDue is not { } due || due > now)));
            }
        }
    }

    public IDisposable RunIn(TimeSpan delay, Func<CancellationToken, Task> action)
    {
        var schedule = Track(inner.TimeProvider.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), null);
        return schedule.Own(inner.RunIn(delay, schedule.Wrap(action)));
    }

    public IDisposable RunAt(DateTimeOffset at, Func<CancellationToken, Task> action) =>
        RunIn(at - inner.TimeProvider.GetUtcNow(), action);

    public IDisposable RunEvery(TimeSpan period, TimeSpan firstAfter, Func<CancellationToken, Task> action)
    {
        var schedule = Track(inner.TimeProvider.GetUtcNow() + (firstAfter < TimeSpan.Zero ? TimeSpan.Zero : firstAfter), period);
        return schedule.Own(inner.RunEvery(period, firstAfter, schedule.Wrap(action)));
    }

    private Schedule Track(DateTimeOffset due, TimeSpan? period)
    {
        var schedule = new Schedule(this, due, period);
        lock (_gate)
        {
            _schedules.Add(schedule);
        }

        return schedule;
    }

    private sealed class Schedule(TrackedScheduler owner, DateTimeOffset due, TimeSpan? period) : IDisposable
    {
        private IDisposable? _handle;

        public DateTimeOffset? NextDue { get; private set; } = due;

        public int Running { get; private set; }

        public bool Cancelled { get; private set; }

        public Schedule Own(IDisposable handle)
        {
            _handle = handle;
            return this;
        }

        public Func<CancellationToken, Task> Wrap(Func<CancellationToken, Task> action) => async ct =>
        {
            lock (owner._gate)
            {
                Running++;
            }

            try
            {
                await action(ct);
            }
            finally
            {
                var now = owner.Now;
                lock (owner._gate)
                {
                    Running--;
                    // As the real loop does: the next slot at a fixed rate from the first run, missed slots skipped.
                    if (period is { } every && NextDue is { } next)
                    {
                        do
                        {
                            next += every;
                        }
                        while (next <= now);

                        NextDue = next;
                    }
                    else
                    {
                        NextDue = null;
                    }
                }
            }
        };

        public void Dispose()
        {
            lock (owner._gate)
            {
                Cancelled = true;
            }

            _handle?.Dispose();
        }
    }
}
