namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>A list that tests can await a condition on: every add wakes the waiters, which re-check their condition.</summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class Recorded<T>
{
    private readonly List<T> _items = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<T> All
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource> woken;
        lock (_items)
        {
            _items.Add(item);
            var snapshot = _items.ToList();
            woken = [.. _waiters.Where(w => w.Condition(snapshot)).Select(w => w.Done)];
            _waiters.RemoveAll(w => woken.Contains(w.Done));
        }

        foreach (var done in woken)
        {
            done.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds on the items (at once if it already does).</summary>
    public async Task WaitAsync(Func<IReadOnlyList<T>, bool> condition, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_items)
        {
            if (condition(_items))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(TestTimeouts.Safety);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}; saw {string.Join(" | ", All)}");
        }
    }
}
