using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.AppModel.Tests.Support;

/// <summary>Shared with the test apps through DI: what each app saw.</summary>
internal sealed class Probe
{
    public ConcurrentDictionary<string, ConcurrentQueue<StateChange>> Seen { get; } = new();

    public ConcurrentQueue<string> Lifecycle { get; } = new();

    public SemaphoreSlim Gate { get; } = new(0);

    public void Record(string app, StateChange change) => Seen.GetOrAdd(app, _ => new()).Enqueue(change);

    public IReadOnlyList<StateChange> SeenBy(string app) => Seen.TryGetValue(app, out var q) ? [.. q] : [];
}
