using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Miners.Tests.Fakes;

/// <summary>A small in-memory <see cref="IHaContext"/>: states in a dictionary, calls recorded.</summary>
internal sealed class FakeHaContext(TimeProvider timeProvider) : IHaContext
{
    private readonly Dictionary<string, EntityState> _states = new(StringComparer.Ordinal);
    private readonly Subject<StateChange> _changes = new();

    public List<ServiceCall> Calls { get; } = [];

    public IObservable<HomeEvent> Events => Observable.Never<HomeEvent>();

    public void SetState(string entityId, string? state)
    {
        _states.TryGetValue(entityId, out var old);
        var next = EntityState.Create(entityId, state, timeProvider.GetUtcNow(), null);
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
        return Task.FromResult<JsonElement?>(null);
    }
}
