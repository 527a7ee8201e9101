using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Miners;

/// <summary>The miner drivers the brain has: the built-in families plus the configured plugins.</summary>
internal static class MinerDrivers
{
    /// <summary>
    /// The built-in families' factories. Each loads its driver assembly only when its family is first used; the host
    /// references the driver projects only so that their assemblies ship beside it, and names none of their types.
    /// </summary>
    public static IReadOnlyList<IMinerDriverFactory> BuiltIn() =>
    [
        new BuiltInMinerDriver(MinerFamilies.AntminerStock, "ProofOfHeat.Drivers.Miners.Antminer", "ProofOfHeat.Drivers.Miners.Antminer.AntminerStockDriverFactory"),
        new BuiltInMinerDriver(MinerFamilies.Avalon, "ProofOfHeat.Drivers.Miners.Avalon", "ProofOfHeat.Drivers.Miners.Avalon.AvalonDriverFactory"),
        new BuiltInMinerDriver(MinerFamilies.WhatsminerV2, "ProofOfHeat.Drivers.Miners.Whatsminer", "ProofOfHeat.Drivers.Miners.Whatsminer.V2.WhatsminerV2DriverFactory"),
        new BuiltInMinerDriver(MinerFamilies.WhatsminerV3, "ProofOfHeat.Drivers.Miners.Whatsminer", "ProofOfHeat.Drivers.Miners.Whatsminer.V3.WhatsminerV3DriverFactory"),
        new BuiltInMinerDriver(MinerFamilies.BraiinsOs, "ProofOfHeat.Drivers.Miners.Braiins", "ProofOfHeat.Drivers.Miners.Braiins.BraiinsOsDriverFactory"),
        new BuiltInMinerDriver(MinerFamilies.LuxOs, "ProofOfHeat.Drivers.Miners.LuxOs", "ProofOfHeat.Drivers.Miners.LuxOs.LuxOsDriverFactory"),
        new BuiltInMinerDriver(MinerFamilies.VNish, "ProofOfHeat.Drivers.Miners.VNish", "ProofOfHeat.Drivers.Miners.VNish.VNishDriverFactory"),
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

        var folder = plugins.ResolveFolder(config.ConfigFile, config.IsAddon, workingDirectory);
        return new MinerDriverCatalog([.. BuiltIn(), .. MinerPluginLoader.Load(folder, plugins.Load)]);
    }

    /// <summary>
    /// <see cref="Catalog(LoadedConfig, string)"/> for the brain's start: a plugin that cannot be
    /// loaded is a config error naming <c>plugins.load</c>.
    /// </summary>
    /// <exception cref="ConfigException">A plugin could not be loaded or claims a taken family.</exception>
    public static MinerDriverCatalog CatalogOrConfigError(LoadedConfig config, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            return Catalog(config, workingDirectory);
        }
        catch (Exception e) when (e is PluginLoadException or ArgumentException)
        {
            var location = config.ConfigFile is null ? ConfigLocation.Defaults : ConfigLocation.Named(config.ConfigFile);
            throw new ConfigException(
            [
                new ConfigError(location, "plugins.load", e.Message, "Fix the plugin's name or folder, or remove it from plugins.load"),
            ]);
        }
    }

    /// <summary>The driver context for command-line use: the given clock, default timeouts, no logging.</summary>
    public static MinerDriverContext CliContext(TimeProvider time) => new(time, new MinerTimeouts(), NullLoggerFactory.Instance);
}
