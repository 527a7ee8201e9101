using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>
/// Where open alerts are kept across a restart (the host wires its SQLite run-time store). The alert service never
/// calls it on a caller's path: <see cref="AlertWriteBehind"/> hands it the latest state per key, batched.
/// </summary>
public interface IAlertStore
{
    /// <summary>The alerts open when the brain last ran.</summary>
    Task<IReadOnlyList<Alert>> LoadOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="changes"/> at once (one transaction where the store has them): each writes an open alert,
    /// replacing the one with the same key, or forgets the key (it was resolved). One change per key.
    /// </summary>
    Task ApplyAsync(IReadOnlyCollection<AlertStoreChange> changes, CancellationToken cancellationToken);
}
