namespace ProofOfHeat.TestKit.Telegram;

/// <summary>An append-only, thread-safe list whose items tests can await.</summary>
public sealed class FakeTelegramLog<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Predicate, int From, TaskCompletionSource<T> Completion)> _waiters = [];

    /// <summary>Items so far.</summary>
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

    /// <summary>A copy of the items.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    /// <summary>Appends an item and wakes matching waiters.</summary>
    public void Add(T item)
    {
        List<TaskCompletionSource<T>> ready = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(item))
                {
                    ready.Add(_waiters[i].Completion);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var completion in ready)
        {
            completion.TrySetResult(item);
        }
    }

    /// <summary>The first item at or after index <paramref name="from"/> (null: from the start) that matches.</summary>
    public Task<T> WaitAsync(Func<T, bool> predicate, int? from = null, TimeSpan? timeout = null)
    {
        lock (_gate)
        {
            var start = from ?? 0;
            for (var i = start; i < _items.Count; i++)
            {
                if (predicate(_items[i]))
                {
                    return Task.FromResult(_items[i]);
                }
            }

            var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, start, completion));
            // Healthy paths get generous bounds (10 s): CI machines are loaded.
            return completion.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
    }
}
