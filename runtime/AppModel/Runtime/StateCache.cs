using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>
/// The one global cache of entity states. Writes come only from the backend's reader (one
/// thread at a time); reads come from any app. The newest <c>last_updated</c> wins, so a
/// snapshot fetched after the subscription can never overwrite a newer event that raced it.
/// </summary>
internal sealed class StateCache
{
    private readonly ConcurrentDictionary<string, EntityState> _states = new(StringComparer.Ordinal);

    /// <summary>Number of cached entities.</summary>
    public int Count => _states.Count;

    /// <summary>The cached state of one entity.</summary>
    public EntityState? Get(string entityId) => _states.TryGetValue(entityId, out var state) ? state : null;

    /// <summary>All cached states.</summary>
    public IReadOnlyCollection<EntityState> All() => _states.Values.ToArray();

    /// <summary>
    /// Applies one change; returns <see langword="false"/> when it is older than what the cache
    /// holds (the change then reaches no app, because the cache already shows something newer).
    /// </summary>
    public bool Apply(StateChange change)
    {
        if (change.New is null)
        {
            return _states.TryRemove(change.EntityId, out _);
        }

        if (_states.TryGetValue(change.EntityId, out var current) && current.LastUpdated > change.New.LastUpdated)
        {
            return false;
        }

        _states[change.EntityId] = change.New;
        return true;
    }

    /// <summary>
    /// Replaces the cache with a fresh snapshot after a (re)connect and returns what differs from
    /// before, as changes, so apps that kept running see what happened while they were blind.
    /// </summary>
    public IReadOnlyList<StateChange> Resync(IReadOnlyCollection<EntityState> snapshot)
    {
        var changes = new List<StateChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fresh in snapshot)
        {
            seen.Add(fresh.EntityId);
            _states.TryGetValue(fresh.EntityId, out var current);
            if (current is not null && current.LastUpdated > fresh.LastUpdated)
            {
                continue;
            }

            _states[fresh.EntityId] = fresh;
            if (current is null || current.LastUpdated != fresh.LastUpdated || !string.Equals(current.State, fresh.State, StringComparison.Ordinal))
            {
                changes.Add(new StateChange(fresh.EntityId, current, fresh));
            }
        }

        foreach (var gone in _states.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            if (_states.TryRemove(gone, out var old))
            {
                changes.Add(new StateChange(gone, old, null));
            }
        }

        return changes;
    }
}
