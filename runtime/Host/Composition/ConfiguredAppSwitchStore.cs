using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// App switches: <c>apps.&lt;id&gt;.enabled</c> from the configuration as the starting point, and
/// what the user switched at run time (stored durably) on top of it.
/// </summary>
internal sealed class ConfiguredAppSwitchStore(IReadOnlyDictionary<string, AppSection> apps, IAppSwitchStore stored) : IAppSwitchStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, bool>> LoadAsync(CancellationToken cancellationToken)
    {
        var switches = apps.ToDictionary(pair => pair.Key, pair => pair.Value.Enabled, StringComparer.Ordinal);
        foreach (var (id, enabled) in await stored.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            switches[id] = enabled;
        }

        return switches;
    }

    /// <inheritdoc />
    public Task SaveAsync(string appId, bool enabled, CancellationToken cancellationToken) =>
        stored.SaveAsync(appId, enabled, cancellationToken);
}
