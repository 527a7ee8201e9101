using System.Reactive.Linq;
using ProofOfHeat.AppModel.Scheduling;

namespace ProofOfHeat.AppModel.Entities;

/// <summary>Reactive helpers over entity changes.</summary>
public static class EntityObservableExtensions
{
    /// <summary>
    /// Emits when <paramref name="predicate"/> has held for <paramref name="duration"/> without
    /// interruption ("the leak sensor has been on for 2 minutes"). A flip back cancels the wait.
    /// Time comes from <paramref name="timeProvider"/>, so tests advance it instead of sleeping.
    /// </summary>
    public static IObservable<StateChange> WhenStateIsFor(
        this IObservable<StateChange> changes,
        Func<EntityState?, bool> predicate,
        TimeSpan duration,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var scheduler = new TimeProviderScheduler(timeProvider);
        return changes
            .Where(c => predicate(c.Old) != predicate(c.New))
            .Throttle(duration, scheduler)
            .Where(c => predicate(c.New));
    }

    /// <summary>The entity's current state first (as a change from nothing), then its value changes.</summary>
    public static IObservable<StateChange> StateChangesWithCurrent(this Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Observable.Defer(() => Observable.Return(new StateChange(entity.EntityId, null, entity.EntityState)))
            .Concat(entity.StateChanges());
    }
}
