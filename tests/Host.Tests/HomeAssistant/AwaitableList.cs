namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>A thread-safe append-only list whose items tests await, with a generous safety timeout instead of sleeps.</summary>
internal sealed class AwaitableList<T>
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Completion)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_items))
                {
                    ready.Add(_waiters[i].Completion);
                    _waiters.RemoveAt(i);
                }
            }
        }

        ready.ForEach(r => r.TrySetResult());
    }

    /// <summary>Waits until at least <paramref name="count"/> items match <paramref name="predicate"/>; returns the matches.</summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(Func<T, bool> predicate, int count, string what)
    {
        Task wait;
        lock (_gate)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool Condition(IReadOnlyList<T> items) => items.Count(predicate) >= count;
            if (Condition(_items))
            {
                completion.SetResult();
            }
            else
            {
                _waiters.Add((Condition, completion));
            }

            wait = completion.Task;
        }

        try
        {
            await wait.WaitAsync(Safety);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out waiting for {count} × {what}; have {Items.Count(predicate)} of {Items.Count}.", ex);
        }

        return [.. Items.Where(predicate)];
    }

    /// <summary>Waits for the first item matching <paramref name="predicate"/> (already there or still to come).</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, string what) => (await WaitForCountAsync(predicate, 1, what))[0];
}
