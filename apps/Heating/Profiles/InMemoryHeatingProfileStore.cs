namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>An <see cref="IHeatingProfileStore"/> in memory. Profiles are kept as JSON, so callers never share a mutable instance with it.</summary>
public sealed class InMemoryHeatingProfileStore : IHeatingProfileStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, string> _profiles = new(StringComparer.Ordinal);
    private string? _active;

    /// <inheritdoc />
    public Task<IReadOnlyList<HeatingProfile>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<HeatingProfile> profiles = [.. _profiles.Values.Select(HeatingProfileJson.Deserialize)];
            return Task.FromResult(profiles);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(HeatingProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = HeatingProfileJson.Serialize(profile);
        lock (_gate)
        {
            _profiles[profile.Name] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_profiles.Remove(name));
        }
    }

    /// <inheritdoc />
    public Task<string?> GetActiveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_active);
        }
    }

    /// <inheritdoc />
    public Task SetActiveAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _active = name;
        }

        return Task.CompletedTask;
    }
}
