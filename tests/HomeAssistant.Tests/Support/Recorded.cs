namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>A thread-safe list that tests can await ("until it holds N items"), with a safety timeout.</summary>
public sealed class Recorded<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(int Count, TaskCompletionSource Completion)> _waiters = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

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
            ready.AddRange(_waiters.Where(w => w.Count <= _items.Count).Select(w => w.Completion));
            _waiters.RemoveAll(w => w.Count <= _items.Count);
        }

        ready.ForEach(r => r.TrySetResult());
    }

    /// <summary>Waits until at least <paramref name="count"/> items arrived; returns the item at index count-1.</summary>
    public async Task<T> WaitForCountAsync(int count)
    {
        Task wait;
        lock (_gate)
        {
            if (_items.Count >= count)
            {
                return _items[count - 1];
            }

            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, completion));
            wait = completion.Task;
        }

        await wait.WaitAsync(TestTimeouts.Safety);
        lock (_gate)
        {
            return _items[count - 1];
        }
    }
}
