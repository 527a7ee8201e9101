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
        foreach (var entry in upper.Entries)
        {
            var index = merged.FindIndex(e => string.Equals(e.Key, entry.Key, StringComparison.Ordinal));
            if (index < 0)
            {
                merged.Add(entry);
            }
            else if (merged[index].Value is ConfigMapping lower && entry.Value is ConfigMapping higher)
            {
                merged[index] = entry with { Value = lower.MergeWith(higher) };
            }
            else
            {
                merged[index] = entry;
            }
        }

        return new ConfigMapping(merged, upper.Entries.Count > 0 ? upper.Location : Location);
    }
}
