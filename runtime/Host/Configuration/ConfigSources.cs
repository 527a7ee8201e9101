using System.Runtime.CompilerServices;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Remembers which mapping (file, line, key path) each bound options object came from, so that checks which need more
/// than one value, or something only known after binding (the miner drivers loaded), still point at the right line.
/// </summary>
internal sealed class ConfigSources
{
    // Weak keys by reference: options objects have no useful equality, and the map must not keep them alive.
    private readonly ConditionalWeakTable<object, Source> _sources = [];

    /// <summary>Records that <paramref name="options"/> was bound from <paramref name="mapping"/> at <paramref name="path"/>.</summary>
    public void Record(object options, ConfigMapping mapping, string path) => _sources.AddOrUpdate(options, new Source(mapping, path));

    /// <summary>The key path of <paramref name="options"/> joined with <paramref name="key"/>, such as <c>apps.miners.miners[0].host</c>.</summary>
    public string PathOf(object options, string key)
    {
        var path = _sources.TryGetValue(options, out var source) ? source.Path : string.Empty;
        return path.Length == 0 ? key : $"{path}.{key}";
    }

    /// <summary>Where <paramref name="key"/> of <paramref name="options"/> was written; else its section; else the defaults.</summary>
    public ConfigLocation LocationOf(object options, string key)
    {
        if (!_sources.TryGetValue(options, out var source))
        {
            return ConfigLocation.Defaults;
        }

        return source.Mapping.Find(key)?.Value.Location ?? source.Mapping.Location;
    }

    private sealed record Source(ConfigMapping Mapping, string Path);
}
