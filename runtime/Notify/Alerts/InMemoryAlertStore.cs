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
    public Task SaveAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _alerts[alert.Key] = alert;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _alerts.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
