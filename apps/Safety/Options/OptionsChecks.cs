namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>The checks the option classes share; each throws <see cref="ArgumentException"/> naming the key.</summary>
internal static class OptionsChecks
{
    /// <summary>Every id is <c>domain.object_id</c>.</summary>
    public static void EntityIds(IEnumerable<string>? ids, string key)
    {
        foreach (var id in ids ?? [])
        {
            EntityId(id, key);
        }
    }

    /// <summary><paramref name="id"/> is <c>domain.object_id</c>.</summary>
    public static void EntityId(string? id, string key)
    {
        var dot = id?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (id is null || dot <= 0 || dot == id.Length - 1)
        {
            throw new ArgumentException($"{key}: `{id}` is not an entity id; write domain.object_id, e.g. switch.dishwasher.");
        }
    }

    /// <summary>At least one sensor is named.</summary>
    public static void NotEmpty(IReadOnlyList<string>? ids, string key)
    {
        if (ids is not { Count: > 0 })
        {
            throw new ArgumentException($"{key}: name at least one entity.");
        }
    }

    /// <summary>A span is positive.</summary>
    public static void Positive(TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{key}: must be positive.");
        }
    }
}
