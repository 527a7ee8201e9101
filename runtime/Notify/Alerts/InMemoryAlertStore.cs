using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>The store when the host has none (tests, a host without storage): alerts survive only as long as this object.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly ConcurrentDictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<Alert>> LoadOpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Values]);

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyCollection<AlertStoreChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.Alert is { } alert)
            {
                _alerts[change.Key] = alert;
            }
            else
            {
                _alerts.TryRemove(change.Key, out _);
            }
        }

        return Task.CompletedTask;
    }
}
