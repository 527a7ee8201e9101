using System.Reactive.Subjects;

namespace ProofOfHeat.Apps.Heating;

/// <summary>An in-memory <see cref="IHeatingDecisionJournal"/> holding the latest <see cref="Capacity"/> decisions.</summary>
public sealed class HeatingDecisionJournal : IHeatingDecisionJournal, IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<HeatingDecision> _decisions = new();
    private readonly Subject<HeatingDecision> _recorded = new();
    private readonly IObservable<HeatingDecision> _recordedView;
    private bool _disposed;

    /// <summary>Creates a journal that keeps <paramref name="capacity"/> decisions.</summary>
    public HeatingDecisionJournal(int capacity = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _recordedView = System.Reactive.Linq.Observable.AsObservable(_recorded);
    }

    /// <summary>How many decisions are kept.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    public IObservable<HeatingDecision> Recorded => _recordedView;

    /// <inheritdoc />
    public void Record(HeatingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Recording and notifying under one lock keeps observers in the same order as the journal.
        lock (_gate)
        {
            _decisions.Enqueue(decision);
            while (_decisions.Count > Capacity)
            {
                _decisions.Dequeue();
            }

            _recorded.OnNext(decision);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<HeatingDecision> Latest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return _decisions.Skip(Math.Max(0, _decisions.Count - count)).ToList();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            // The container may dispose a shared journal once per registration: only the first counts.
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _recorded.OnCompleted();
            _recorded.Dispose();
        }
    }
}
