using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace ProofOfHeat.AppModel.Scheduling;

/// <summary>
/// An Rx <see cref="IScheduler"/> driven by a <see cref="TimeProvider"/>, so that Rx time operators
/// (Throttle, Buffer, Timeout) follow fake time in tests and real time in production.
/// </summary>
public sealed class TimeProviderScheduler(TimeProvider timeProvider) : LocalScheduler
{
    /// <inheritdoc />
    public override DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <inheritdoc />
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var inner = new SingleAssignmentDisposable();
        var normalized = dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime;
        ITimer? timer = null;
        timer = timeProvider.CreateTimer(
            _ =>
            {
                if (!inner.IsDisposed)
                {
                    inner.Disposable = action(this, state);
                }

                timer?.Dispose();
            },
            null,
            normalized,
            Timeout.InfiniteTimeSpan);
        return new CompositeDisposable(inner, Disposable.Create(() => timer.Dispose()));
    }
}
