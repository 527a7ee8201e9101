using System.Collections.Immutable;
using System.Reactive.Disposables;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>
/// A hot observable that hands each value to every observer in turn and catches what an observer
/// throws, so one faulty handler ends neither the stream nor its neighbours' subscriptions.
/// </summary>
internal sealed class SafeBroadcast<T>(Action<Exception> onObserverError) : IObservable<T>
{
    private ImmutableArray<IObserver<T>> _observers = [];

    /// <summary>Number of live subscriptions.</summary>
    public int ObserverCount => _observers.Length;

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ImmutableInterlocked.Update(ref _observers, list => list.Add(observer));
        return Disposable.Create(() => ImmutableInterlocked.Update(ref _observers, list => list.Remove(observer)));
    }

    /// <summary>Delivers one value to every observer.</summary>
    public void OnNext(T value)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnNext(value);
            }
#pragma warning disable CA1031 // An app's handler may throw anything; it must not end the stream.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onObserverError(ex);
            }
        }
    }

    /// <summary>Ends every subscription (the app stopped).</summary>
    public void OnCompleted()
    {
        var observers = ImmutableInterlocked.InterlockedExchange(ref _observers, []);
        foreach (var observer in observers)
        {
            try
            {
                observer.OnCompleted();
            }
#pragma warning disable CA1031
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onObserverError(ex);
            }
        }
    }
}
