using System.Reactive.Disposables;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>
/// A hot observable that hands each value to every observer in turn and catches what an observer
/// throws, so one faulty handler ends neither the stream nor its neighbours' subscriptions.
/// Observers live in a copy-on-write array: delivery reads it without a lock, and subscribing is rare.
/// </summary>
internal sealed class SafeBroadcast<T>(Action<Exception> onObserverError) : IObservable<T>
{
    private readonly object _gate = new();
    private IObserver<T>[] _observers = [];

    /// <summary>Number of live subscriptions.</summary>
    public int ObserverCount => _observers.Length;

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            Volatile.Write(ref _observers, [.. _observers, observer]);
        }

        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                var index = Array.IndexOf(_observers, observer);
                if (index >= 0)
                {
                    Volatile.Write(ref _observers, [.. _observers[..index], .. _observers[(index + 1)..]]);
                }
            }
        });
    }

    /// <summary>Delivers one value to every observer.</summary>
    public void OnNext(T value)
    {
        foreach (var observer in Volatile.Read(ref _observers))
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
        IObserver<T>[] observers;
        lock (_gate)
        {
            observers = _observers;
            Volatile.Write(ref _observers, []);
        }

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
