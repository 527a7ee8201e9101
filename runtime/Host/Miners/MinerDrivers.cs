using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Miners;

/// <summary>The miner drivers the brain has: the built-in families plus the configured plugins.</summary>
internal static class MinerDrivers
{
    /// <summary>The built-in families' factories.</summary>
    public static IReadOnlyList<IMinerDriverFactory> BuiltIn() =>
    [
    ];

    /// <summary>
    /// The catalog of built-in and plugin drivers. A relative plugins folder is resolved against
    /// the config file's folder (else <paramref name="workingDirectory"/>).
    /// </summary>
    /// <exception cref="PluginLoadException">A plugin could not be loaded.</exception>
    /// <exception cref="ArgumentException">A plugin claims a family another driver has.</exception>
    public static MinerDriverCatalog Catalog(LoadedConfig config, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        var plugins = config.Options.Plugins;
        if (plugins.Load.Count == 0)
        {
            return new MinerDriverCatalog(BuiltIn());
        }

        var baseDirectory = config.ConfigFile is { } file ? Path.GetDirectoryName(Path.GetFullPath(file))! : workingDirectory;
        var folder = Path.Combine(baseDirectory, plugins.Folder ?? (config.IsAddon ? "/data/plugins" : "plugins"));
        return new MinerDriverCatalog([.. BuiltIn(), .. MinerPluginLoader.Load(folder, plugins.Load)]);
    }

    /// <summary>The driver context for command-line use: the given clock, default timeouts, no logging.</summary>
    public static MinerDriverContext CliContext(TimeProvider time) => new(time, new MinerTimeouts(), NullLoggerFactory.Instance);
}
