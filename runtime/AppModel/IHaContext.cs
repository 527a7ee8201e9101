using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.AppModel;

/// <summary>
/// An app's view of the home, shaped like NetDaemon's <c>IHaContext</c>. Each app gets its own
/// instance: its events arrive through the app's own bounded queue, so a slow app never holds up
/// the socket reader or another app, and everything it subscribed to ends when the app stops.
/// </summary>
public interface IHaContext
{
    /// <summary>Every state change (attribute-only changes included), for all entities, in order.</summary>
    IObservable<StateChange> StateAllChanges();

    /// <summary>Every other event the backend receives.</summary>
    IObservable<HomeEvent> Events { get; }

    /// <summary>The cached state of one entity, or <see langword="null"/> when unknown.</summary>
    EntityState? GetState(string entityId);

    /// <summary>All cached states.</summary>
    IReadOnlyCollection<EntityState> GetAllEntities();

    /// <summary>An entity handle (reads the cache on every access, holds no state itself).</summary>
    Entity Entity(string entityId);

    /// <summary>
    /// Fire-and-forget service call: it is tracked, and its failure is logged with the app's name.
    /// Use <see cref="CallServiceAsync"/> to await the result.
    /// </summary>
    void CallService(string domain, string service, ServiceTarget? target = null, object? data = null);

    /// <summary>Calls a service and waits for HA's result; returns the response data when asked for.</summary>
    /// <exception cref="ServiceCallException">The service failed or does not exist.</exception>
    Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken = default);
}
