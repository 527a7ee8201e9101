namespace ProofOfHeat.Sim.Time;

/// <summary>
/// Simulated time running <see cref="Speed"/> times faster than a real clock, from a chosen start
/// instant (the demo starts on a winter morning and runs a simulated hour per real minute). Timers
/// are real timers with scaled due times and periods, so <c>Task.Delay(d, provider)</c> and
/// <c>PeriodicTimer</c> on this provider wait d/Speed of real time.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _realTime;
    private readonly long _realStartTimestamp;
    private readonly TimeZoneInfo _localTimeZone;

    /// <summary>Starts simulated time at <paramref name="simulatedStart"/> now.</summary>
    /// <param name="simulatedStart">The simulated instant that corresponds to the real "now".</param>
    /// <param name="speed">How many simulated seconds pass per real second (positive).</param>
    /// <param name="realTime">The real clock (<see cref="TimeProvider.System"/> by default; a fake one in tests).</param>
    /// <param name="localTimeZone">The simulated home's time zone (UTC by default, so runs do not depend on the machine).</param>
    public ScaledTimeProvider(DateTimeOffset simulatedStart, double speed, TimeProvider? realTime = null, TimeZoneInfo? localTimeZone = null)
    {
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a positive number.");
        }

        _realTime = realTime ?? System;
        _realStartTimestamp = _realTime.GetTimestamp();
        _localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
        SimulatedStart = simulatedStart;
        Speed = speed;
    }

    /// <summary>The simulated instant at construction.</summary>
    public DateTimeOffset SimulatedStart { get; }

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => SimulatedStart + (_realTime.GetElapsedTime(_realStartTimestamp) * Speed);

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new ScaledTimer(this, _realTime.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)));
    }

    /// <summary>The real span that passes while <paramref name="simulated"/> passes in simulated time.</summary>
    public TimeSpan ToReal(TimeSpan simulated)
    {
        if (simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero)
        {
            return simulated;
        }

        // Round up so a timer never fires before its simulated due time.
        return TimeSpan.FromTicks((long)Math.Ceiling(simulated.Ticks / Speed));
    }

    private sealed class ScaledTimer(ScaledTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToReal(dueTime), owner.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
