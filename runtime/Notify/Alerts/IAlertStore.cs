using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>Where open alerts are kept across a restart (the host wires its SQLite run-time store).</summary>
public interface IAlertStore
{
    /// <summary>The alerts open when the brain last ran.</summary>
    Task<IReadOnlyList<Alert>> LoadOpenAsync(CancellationToken cancellationToken);

    /// <summary>Writes an open alert (raised or acknowledged), replacing the one with the same key.</summary>
    Task SaveAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>Forgets the alert with <paramref name="key"/> (it was resolved).</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken);
}
