namespace ProofOfHeat.Bench.Throughput;

/// <summary>
/// Counts what each consumer (an app, a handler) has processed and lets the harness wait until every
/// counter reaches its target. Counting costs one interlocked add and one compare on the hot path.
/// </summary>
internal sealed class ConsumptionGate(int counters)
{
    private readonly long[] _counts = new long[counters];
    private readonly long[] _targets = Enumerable.Repeat(long.MaxValue, counters).ToArray();
    private TaskCompletionSource? _waiter;

    /// <summary>Number of counters.</summary>
    public int Counters => _counts.Length;

    /// <summary>The count of one consumer.</summary>
    public long Count(int counter) => Volatile.Read(ref _counts[counter]);

    /// <summary>Records <paramref name="amount"/> items processed by consumer <paramref name="counter"/>.</summary>
    public void Add(int counter, long amount = 1)
    {
        var now = Interlocked.Add(ref _counts[counter], amount);
        var target = Volatile.Read(ref _targets[counter]);
        if (now >= target && now - amount < target)
        {
            TryRelease();
        }
    }

    /// <summary>Completes once every counter has reached its target (cumulative counts).</summary>
    public Task WaitAsync(ReadOnlySpan<long> targets)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiter, waiter);
        for (var i = 0; i < _targets.Length; i++)
        {
            Volatile.Write(ref _targets[i], targets[i]);
        }

        TryRelease();
        return waiter.Task;
    }

    private void TryRelease()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (Volatile.Read(ref _counts[i]) < Volatile.Read(ref _targets[i]))
            {
                return;
            }
        }

        Volatile.Read(ref _waiter)?.TrySetResult();
    }
}
