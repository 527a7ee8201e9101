namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>A mapping of keys to nodes, in the order they were written.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Location">Where the mapping starts.</param>
internal sealed record ConfigMapping(IReadOnlyList<ConfigEntry> Entries, ConfigLocation Location) : ConfigNode(Location)
{
    /// <summary>An empty mapping at <paramref name="location"/>.</summary>
    public static ConfigMapping Empty(ConfigLocation location) => new([], location);

    /// <summary>Finds the entry for <paramref name="key"/>, if written.</summary>
    public ConfigEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>
    /// Lays <paramref name="upper"/> over this mapping: keys of <paramref name="upper"/> win, and
    /// where both sides hold a mapping they are merged key by key.
    /// </summary>
    public ConfigMapping MergeWith(ConfigMapping upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        var merged = Entries.ToList();

        // Indexed by key, so merging a mapping of n keys is O(n), not O(n²) (a hostile file may hold very many keys).
        var index = new Dictionary<string, int>(merged.Count, StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            index.TryAdd(merged[i].Key, i);
        }

        foreach (var entry in upper.Entries)
        {
            if (!index.TryGetValue(entry.Key, out var at))
            {
                index[entry.Key] = merged.Count;
                merged.Add(entry);
            }
            else if (merged[at].Value is ConfigMapping lower && entry.Value is ConfigMapping higher)
            {
                merged[at] = entry with { Value = lower.MergeWith(higher) };
            }
            else
            {
                merged[at] = entry;
            }
        }

        return new ConfigMapping(merged, upper.Entries.Count > 0 ? upper.Location : Location);
    }
}
