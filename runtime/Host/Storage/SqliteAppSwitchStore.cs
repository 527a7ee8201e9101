using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Host.Storage;

/// <summary>Keeps the apps' on/off switches in the <see cref="RuntimeStore"/>'s <c>app_switches</c> table.</summary>
internal sealed class SqliteAppSwitchStore : IAppSwitchStore
{
    private readonly RuntimeStore _store;

    /// <summary>Creates the switch store over <paramref name="store"/>.</summary>
    public SqliteAppSwitchStore(RuntimeStore store) => _store = store;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, bool>> LoadAsync(CancellationToken cancellationToken) =>
        _store.LoadAppSwitchesAsync(cancellationToken);

    /// <inheritdoc />
    public Task SaveAsync(string appId, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return _store.SaveAppSwitchAsync(appId, enabled, cancellationToken);
    }
}
