using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Alerts;

namespace ProofOfHeat.Notify.Tests.Support;

/// <summary>An in-memory alert store that records every batch it is handed, and can fail or hang on demand.</summary>
internal sealed class CountingAlertStore : IAlertStore
{
    private readonly InMemoryAlertStore _inner = new();
    private readonly List<IReadOnlyList<AlertStoreChange>> _batches = [];
    private int _attempts;

    /// <summary>When set, every write throws.</summary>
    public bool Failing { get; set; }

    /// <summary>When set, a write applies its batch, then does not return until this completes.</summary>
    public TaskCompletionSource? Hang { get; set; }

    /// <summary>Writes attempted, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The batches written successfully, in order.</summary>
    public IReadOnlyList<IReadOnlyList<AlertStoreChange>> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public Task<IReadOnlyList<Alert>> LoadOpenAsync(CancellationToken cancellationToken) => _inner.LoadOpenAsync(cancellationToken);

    public async Task ApplyAsync(IReadOnlyCollection<AlertStoreChange> changes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failing)
        {
            throw new IOException("disk I/O error (test)");
        }

        await _inner.ApplyAsync(changes, cancellationToken);
        lock (_batches)
        {
            _batches.Add([.. changes]);
        }

        if (Hang is { } hang)
        {
            await hang.Task;
        }
    }
}
