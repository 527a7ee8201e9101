using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Api.Validation;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The heating profiles in the run-time store: one state entry per profile in namespace
/// <c>heating.profiles</c> and the active profile's name under <c>heating</c>/<c>active_profile</c>,
/// so what the user edited or switched survives restarts and is visible through <c>/api/state</c>.
/// A stored value that no longer validates is skipped with a warning and reported in <c>/api/status</c>,
/// so the heating app starts on its configured profiles instead of failing.
/// </summary>
internal sealed partial class SqliteHeatingProfileStore(RuntimeStore store, ILogger<SqliteHeatingProfileStore>? logger = null, StoredStateProblems? problems = null)
    : IHeatingProfileStore
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
            if (await store.GetStateJsonAsync(ProfilesNamespace, key, cancellationToken).ConfigureAwait(false) is not { } json)
            {
                continue;
            }

            if (HeatingProfileDocument.TryRead(key, json, out var problem) is { } profile)
            {
                profiles.Add(profile);
            }
            else
            {
                Skip(ProfilesNamespace, key, problem!);
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
    public async Task<string?> GetActiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetStateAsync<string>(HeatingNamespace, ActiveKey, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException ex)
        {
            Skip(HeatingNamespace, ActiveKey, $"not a profile name: {ex.Message}");
            return null;
        }
    }

    /// <inheritdoc />
    public Task SetActiveAsync(string name, CancellationToken cancellationToken) =>
        store.SetStateAsync(HeatingNamespace, ActiveKey, name, cancellationToken);

    private void Skip(string ns, string key, string problem)
    {
        if (logger is not null)
        {
            LogSkipped(logger, ns, key, problem);
        }

        problems?.Report(ns, key, problem);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning,
        Message = "The stored value {Namespace}/{Key} is not valid and is not used; the heating app falls back to its configured profiles: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string @namespace, string key, string problem);
}
