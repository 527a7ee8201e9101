using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>A small in-memory <see cref="IHaContext"/>: states in a dictionary, changes through a subject, calls recorded.</summary>
internal sealed class FakeHaContext(TimeProvider timeProvider) : IHaContext
{
    private readonly Dictionary<string, EntityState> _states = new(StringComparer.Ordinal);
    private readonly Subject<StateChange> _changes = new();

    public List<ServiceCall> Calls { get; } = [];

    public Func<ServiceCall, Exception?> FailWith { get; set; } = _ => null;

    public IObservable<HomeEvent> Events => Observable.Never<HomeEvent>();

    public void SetState(string entityId, string? state, object? attributes = null)
    {
        var at = timeProvider.GetUtcNow();
        _states.TryGetValue(entityId, out var old);
        var changed = old is null || !string.Equals(old.State, state, StringComparison.Ordinal);
        var next = EntityState.Create(entityId, state, at, attributes) with { LastChanged = changed ? at : old!.LastChanged };
        _states[entityId] = next;
        _changes.OnNext(new StateChange(entityId, old, next));
    }

    public IObservable<StateChange> StateAllChanges() => _changes;

    public EntityState? GetState(string entityId) => _states.GetValueOrDefault(entityId);

    public IReadOnlyCollection<EntityState> GetAllEntities() => _states.Values.ToList();

    public Entity Entity(string entityId) => new(this, entityId);

    public void CallService(string domain, string service, ServiceTarget? target = null, object? data = null) =>
        Calls.Add(new ServiceCall(domain, service, target, data));

    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken = default)
    {
        Calls.Add(serviceCall);
        if (FailWith(serviceCall) is { } failure)
        {
            return Task.FromException<JsonElement?>(failure);
        }

        return Task.FromResult<JsonElement?>(null);
    }
}
