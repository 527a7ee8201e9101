using System.Collections.Concurrent;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Shared with the test apps through DI: what they saw, and their contexts so tests can act as them.</summary>
internal sealed class HaTestProbe
{
    private readonly ConcurrentDictionary<string, AwaitableList<StateChange>> _changes = new(StringComparer.Ordinal);

    /// <summary>App ids, once per constructor call (a restarted app appears again).</summary>
    public AwaitableList<string> Started { get; } = new();

    /// <summary>App ids, once per dispose.</summary>
    public AwaitableList<string> Stopped { get; } = new();

    /// <summary>The newest context of each app.</summary>
    public ConcurrentDictionary<string, IHaContext> Contexts { get; } = new(StringComparer.Ordinal);

    /// <summary>Every change an app's handlers saw, across restarts.</summary>
    public AwaitableList<StateChange> ChangesSeenBy(string appId) => _changes.GetOrAdd(appId, _ => new());
}
