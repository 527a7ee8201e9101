using ProofOfHeat.Apps.Heating.Profiles;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The heating profiles in the run-time store: one state entry per profile in namespace
/// <c>heating.profiles</c> and the active profile's name under <c>heating</c>/<c>active_profile</c>,
/// so what the user edited or switched survives restarts and is visible through <c>/api/state</c>.
/// </summary>
internal sealed class SqliteHeatingProfileStore(RuntimeStore store) : IHeatingProfileStore
{
    private const string ProfilesNamespace = "heating.profiles";
    private const string HeatingNamespace = "heating";
    private const string ActiveKey = "active_profile";

    /// <inheritdoc />
    public async Task<IReadOnlyList<HeatingProfile>> ListAsync(CancellationToken cancellationToken)
    {
        var profiles = new List<HeatingProfile>();
        foreach (var key in await store.ListStateKeysAsync(ProfilesNamespace, cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetStateJsonAsync(ProfilesNamespace, key, cancellationToken).ConfigureAwait(false) is { } json)
            {
                profiles.Add(HeatingProfileJson.Deserialize(json));
            }
        }

        return profiles;
    }

    /// <inheritdoc />
    public Task SaveAsync(HeatingProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return store.SetStateJsonAsync(ProfilesNamespace, profile.Name, HeatingProfileJson.Serialize(profile), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        store.DeleteStateAsync(ProfilesNamespace, name, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetActiveAsync(CancellationToken cancellationToken) =>
        store.GetStateAsync<string>(HeatingNamespace, ActiveKey, cancellationToken);

    /// <inheritdoc />
    public Task SetActiveAsync(string name, CancellationToken cancellationToken) =>
        store.SetStateAsync(HeatingNamespace, ActiveKey, name, cancellationToken);
}
