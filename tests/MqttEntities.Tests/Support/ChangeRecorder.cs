using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>Records state changes (from a device registry's listener) and lets a test await one that matches.</summary>
internal sealed class ChangeRecorder
{
    private readonly object _gate = new();
    private readonly List<StateChange> _all = [];
    private readonly List<(Func<StateChange, bool> Match, TaskCompletionSource<StateChange> Done)> _waiters = [];
    private int _cursor;

    public IReadOnlyList<StateChange> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    public void Record(StateChange change)
    {
        lock (_gate)
        {
            _all.Add(change);
            foreach (var waiter in _waiters.Where(w => w.Match(change)).ToList())
            {
                waiter.Done.TrySetResult(change);
                _waiters.Remove(waiter);
                _cursor = _all.Count;
            }
        }
    }

    /// <summary>The next change (after the one the previous wait returned) that sets <paramref name="entityId"/> to <paramref name="state"/>.</summary>
    public async Task<StateChange> WaitForAsync(string entityId, string state)
    {
        var done = new TaskCompletionSource<StateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Match(StateChange c) => c.EntityId == entityId && c.New?.State == state;
        lock (_gate)
        {
            var index = _all.FindIndex(_cursor, Match);
            if (index >= 0)
            {
                _cursor = index + 1;
                return _all[index];
            }

            _waiters.Add((Match, done));
        }

        try
        {
            return await done.Task.WaitAsync(TestTimeouts.Safety);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{entityId} never became '{state}'; changes: {string.Join(", ", All.Select(c => $"{c.EntityId}={c.New?.State}"))}", ex);
        }
    }
}
