namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>
/// Where heating profiles and the active profile's name live across restarts. The host backs it with its SQLite
/// runtime store; <see cref="InMemoryHeatingProfileStore"/> serves tests and runs without storage.
/// </summary>
public interface IHeatingProfileStore
{
    /// <summary>Every stored profile, by name order.</summary>
    Task<IReadOnlyList<HeatingProfile>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the profile with the same name.</summary>
    Task SaveAsync(HeatingProfile profile, CancellationToken cancellationToken);

    /// <summary>Removes a profile; false when there was none.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>The active profile's name, or null when none was chosen yet.</summary>
    Task<string?> GetActiveAsync(CancellationToken cancellationToken);

    /// <summary>Remembers the active profile's name.</summary>
    Task SetActiveAsync(string name, CancellationToken cancellationToken);
}
