namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>
/// Reads a set of heat sources (and meters) every interval on the injected clock and keeps each one's latest reading.
/// The reads of one round run concurrently, so one silent device costs its own timeout, not the round's.
/// </summary>
public sealed class HeatSourcePoller
{
    private readonly IReadOnlyList<IHeatSourceDriver> _drivers;
    private readonly TimeProvider _time;
    private readonly HeatSourceReading?[] _latest;

    /// <summary>Polls <paramref name="drivers"/> on <paramref name="time"/>.</summary>
    public HeatSourcePoller(IReadOnlyList<IHeatSourceDriver> drivers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(time);
        _drivers = drivers;
        _time = time;
        _latest = new HeatSourceReading?[drivers.Count];
    }

    /// <summary>Each driver's latest reading, in the order given (null before its first).</summary>
    public IReadOnlyList<HeatSourceReading?> Latest => _latest;

    /// <summary>Reads every driver once; returns the readings in order.</summary>
    public async Task<IReadOnlyList<HeatSourceReading>> PollOnceAsync(CancellationToken cancellationToken)
    {
        var readings = await Task.WhenAll(_drivers.Select(d => d.ReadAsync(cancellationToken))).ConfigureAwait(false);
        readings.CopyTo(_latest, 0);
        return readings;
    }

    /// <summary>Polls every <paramref name="interval"/> until cancelled, calling <paramref name="polled"/> after each round.</summary>
    public async Task RunAsync(TimeSpan interval, Action<IReadOnlyList<HeatSourceReading>>? polled, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            do
            {
                var readings = await PollOnceAsync(cancellationToken).ConfigureAwait(false);
                polled?.Invoke(readings);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
