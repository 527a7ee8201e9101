namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// Moves a simulated miner's clock forward while a driver on another clock talks to it, so the machine ramps and
/// settles during the driver's read-back as a real one would: every <c>every</c> on the driver's clock the simulated
/// clock advances by <c>step</c>. Tests use it where the driver's read-back needs the machine's measurement to move.
/// </summary>
public sealed class SimulatedTimePump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SimulatedTimePump(Action<TimeSpan> advance, TimeSpan step, TimeSpan every, TimeProvider driverTime)
    {
        _loop = RunAsync(advance, step, every, driverTime, _stop.Token);
    }

    /// <summary>Starts pumping: <paramref name="advance"/> moves the simulated clock (e.g. a fake clock's Advance).</summary>
    public static SimulatedTimePump Start(Action<TimeSpan> advance, TimeSpan step, TimeSpan every, TimeProvider driverTime)
    {
        ArgumentNullException.ThrowIfNull(advance);
        ArgumentNullException.ThrowIfNull(driverTime);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        return new SimulatedTimePump(advance, step, every, driverTime);
    }

    /// <summary>Stops pumping and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RunAsync(Action<TimeSpan> advance, TimeSpan step, TimeSpan every, TimeProvider driverTime, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(every, driverTime, cancellationToken);
                advance(step);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
