using System.Reactive.Linq;
using System.Text.Json;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.AppModel.Entities;

/// <summary>
/// A handle to one entity. It holds no state: <see cref="State"/> and <see cref="Attributes"/>
/// read the context's cache on every access, so they are never stale.
/// </summary>
public class Entity
{
    /// <summary>Creates a handle.</summary>
    public Entity(IHaContext context, string entityId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        Context = context;
        EntityId = entityId;
    }

    /// <summary>The context the handle reads from.</summary>
    public IHaContext Context { get; }

    /// <summary>The entity id.</summary>
    public string EntityId { get; }

    /// <summary>The domain part of the id (<c>sensor</c> in <c>sensor.x</c>).</summary>
    public string Domain => EntityId[..EntityId.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The full cached state, or <see langword="null"/>.</summary>
    public EntityState? EntityState => Context.GetState(EntityId);

    /// <summary>The current state string.</summary>
    public string? State => EntityState?.State;

    /// <summary>The current attributes (an empty object when unknown).</summary>
    public JsonElement Attributes => EntityState?.Attributes ?? EntityState.NoAttributes;

    /// <summary>Whether the state is <c>on</c> (case-insensitive).</summary>
    public bool IsOn() => string.Equals(State, "on", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the state is <c>off</c> (case-insensitive).</summary>
    public bool IsOff() => string.Equals(State, "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>All changes of this entity, attribute-only ones included.</summary>
    public IObservable<StateChange> StateAllChanges() =>
        Context.StateAllChanges().Where(c => string.Equals(c.EntityId, EntityId, StringComparison.Ordinal));

    /// <summary>Changes of this entity's state value only.</summary>
    public IObservable<StateChange> StateChanges() => StateAllChanges().Where(c => c.IsValueChange);

    /// <summary>Calls a service of the entity's own domain with the entity as target (fire-and-forget, logged on failure).</summary>
    public void CallService(string service, object? data = null) =>
        Context.CallService(Domain, service, ServiceTarget.Entities(EntityId), data);

    /// <inheritdoc />
    public override string ToString() => EntityId;
}
