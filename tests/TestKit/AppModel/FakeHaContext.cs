using System.Reactive.Subjects;
using System.Text.Json;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.TestKit.AppModel;

/// <summary>
/// A small in-memory <see cref="IHaContext"/>: states in a dictionary, changes and events through subjects (delivered
/// synchronously, in order), service calls recorded. <c>LastChanged</c> moves only when the state value changes, as in HA.
/// </summary>
public sealed class FakeHaContext(TimeProvider timeProvider) : IHaContext, IDisposable
{
    private readonly Dictionary<string, EntityState> _states = new(StringComparer.Ordinal);
    private readonly Subject<StateChange> _changes = new();
    private readonly Subject<HomeEvent> _events = new();

    /// <summary>Every service call, fire-and-forget and awaited alike, in order.</summary>
#pragma warning disable CA1002 // Tests index, filter and clear the calls; a plain list is what they need.
    public List<ServiceCall> Calls { get; } = [];
#pragma warning restore CA1002

    /// <summary>Makes an awaited service call fail: return the exception to throw, or <see langword="null"/> to succeed.</summary>
    public Func<ServiceCall, Exception?> FailWith { get; set; } = _ => null;

    /// <summary>The response a call returns when it asks for one (e.g. <c>weather.get_forecasts</c>); null by default.</summary>
    public Func<ServiceCall, JsonElement?> Respond { get; set; } = _ => null;

    /// <inheritdoc />
    public IObservable<HomeEvent> Events => _events;

    /// <summary>Sets an entity's state (and attributes) at the clock's now and publishes the change.</summary>
    public void SetState(string entityId, string? state, object? attributes = null)
    {
        var at = timeProvider.GetUtcNow();
        _states.TryGetValue(entityId, out var old);
        var changed = old is null || !string.Equals(old.State, state, StringComparison.Ordinal);
        var next = EntityState.Create(entityId, state, at, attributes) with { LastChanged = changed ? at : old!.LastChanged };
        _states[entityId] = next;
        _changes.OnNext(new StateChange(entityId, old, next));
    }

    /// <summary>Publishes an event other than a state change (for example a <c>call_service</c> or custom event).</summary>
    public void SendEvent(string eventType, object? data = null) =>
        _events.OnNext(new HomeEvent(eventType, JsonSerializer.SerializeToElement(data ?? new { }), timeProvider.GetUtcNow()));

    /// <inheritdoc />
    public IObservable<StateChange> StateAllChanges() => _changes;

    /// <inheritdoc />
    public EntityState? GetState(string entityId) => _states.GetValueOrDefault(entityId);

    /// <inheritdoc />
    public IReadOnlyCollection<EntityState> GetAllEntities() => _states.Values.ToList();

    /// <inheritdoc />
    public Entity Entity(string entityId) => new(this, entityId);

    /// <inheritdoc />
    public void CallService(string domain, string service, ServiceTarget? target = null, object? data = null) =>
        Calls.Add(new ServiceCall(domain, service, target, data));

    /// <inheritdoc />
    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken = default)
    {
        Calls.Add(serviceCall);
        if (FailWith(serviceCall) is { } failure)
        {
            return Task.FromException<JsonElement?>(failure);
        }

        return Task.FromResult(serviceCall.ReturnResponse ? Respond(serviceCall) : null);
    }

    /// <summary>Completes the subjects, as the runtime does when an app stops.</summary>
    public void Dispose()
    {
        _changes.OnCompleted();
        _events.OnCompleted();
        _changes.Dispose();
        _events.Dispose();
    }
}
