using System.Globalization;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Loads and validates the configuration: built-in defaults, then the YAML file (<c>--config</c>,
/// else <c>POH_CONFIG</c>, else in add-on mode the config file in the add-on's config folder, else <c>./poh.yaml</c>
/// if present), then in add-on mode the Supervisor's options file, then the environment. Later layers win key by key.
/// </summary>
internal static class ConfigLoader
{
    private const string DefaultFileName = "poh.yaml";
    private const string SecretsFileName = "secrets.yaml";

    /// <summary>How many errors a failed load lists before it only counts the rest.</summary>
    public const int MaxErrorsShown = 100;

    /// <summary>Loads the configuration; throws <see cref="ConfigException"/> listing every problem found.</summary>
    /// <param name="request">What to load.</param>
    /// <param name="moreChecks">
    /// Checks that need the bound options (such as the miner entries against the drivers loaded), run even when
    /// binding found problems, so that every error is reported at once.
    /// </param>
    public static LoadedConfig Load(ConfigRequest request, Func<LoadedConfig, IEnumerable<ConfigError>>? moreChecks = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ConfigError>();
        var addon = request.IsAddon ? AddonLayout.From(request.Environment, request.WorkingDirectory) : null;
        var tree = addon is not null ? AddonDefaults(addon) : ConfigMapping.Empty(ConfigLocation.Defaults);

        // The add-on's options come first, since one of them names the config file (AddonOptionsMapping); they are
        // laid over the file all the same.
        var (optionsLayer, addonConfigFile) = addon is not null ? ReadAddonOptions(request, addon, errors) : (null, null);
        var configFile = ResolveConfigFile(request, addonConfigFile, errors);
        if (configFile is not null && ReadFile(configFile, errors, allowSecrets: true) is { } fileTree)
        {
            tree = tree.MergeWith(fileTree);
        }

        if (optionsLayer is not null)
        {
            tree = tree.MergeWith(optionsLayer);
        }

        tree = tree.MergeWith(EnvironmentConfigSource.Read(request.Environment));
        AddPluginApps(request, configFile, tree, errors);
        var binder = new OptionsBinder(request.Apps, errors);
        var options = binder.Bind<BrainOptions>(tree);
        var secretValues = binder.SecretValues.ToHashSet(StringComparer.Ordinal);
        BoundOptionsChecks.Run(options, binder.Sources, errors, secretValues);
        HttpOptionsValidation.Check(options.Http, tree, request.IsAddon, errors);
        var loaded = new LoadedConfig(options, configFile, addon?.OptionsFile, request.IsAddon, secretValues.ToList()) { Sources = binder.Sources };
        if (moreChecks is not null)
        {
            errors.AddRange(moreChecks(loaded));
        }

        if (errors.Count > 0)
        {
            throw new ConfigException(AtMost(MaxErrorsShown, InReadingOrder(errors)));
        }

        return loaded;
    }

    /// <summary>
    /// The first <paramref name="limit"/> errors and a line counting the rest: a file of 100,000 stray keys should
    /// say so in a screenful, not print 100,000 lines.
    /// </summary>
    public static List<ConfigError> AtMost(int limit, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count <= limit)
        {
            return errors;
        }

        var shown = errors.Take(limit).ToList();
        shown.Add(new ConfigError(errors[limit].Location, string.Empty, string.Create(CultureInfo.InvariantCulture, $"and {errors.Count - limit:N0} more problems like these"),
            "Fix the ones above and run `poh check-config` again"));
        return shown;
    }

    /// <summary>
    /// Loads the plugins <c>plugins.load</c> names before <c>apps:</c> is bound, so a plugin's apps can be configured
    /// like the shipped ones. Problems in the section itself are left to the binder, which reports them.
    /// </summary>
    private static void AddPluginApps(ConfigRequest request, string? configFile, ConfigMapping tree, List<ConfigError> errors)
    {
        if (tree.Find("plugins") is not { Value: ConfigMapping section } entry)
        {
            return;
        }

        var plugins = new OptionsBinder(request.Apps, []).Bind<PluginsOptions>(section);
        if (plugins.Load.Count == 0)
        {
            return;
        }

        try
        {
            request.Apps.AddPlugins(plugins.ResolveFolder(configFile, request.IsAddon, request.WorkingDirectory), plugins.Load);
        }
        catch (Exception e) when (e is Miners.PluginLoadException or ArgumentException or System.Reflection.ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            var location = section.Find("load")?.Value.Location ?? entry.KeyLocation;
            errors.Add(new ConfigError(location, "plugins.load", e.Message, "Fix the plugin's name or folder, or remove it from plugins.load"));
        }
    }

    /// <summary>Sorts errors by line within each source, sources in the order they were read.</summary>
    private static List<ConfigError> InReadingOrder(List<ConfigError> errors)
    {
        var sources = errors.Select(e => e.Location.Source).Distinct(StringComparer.Ordinal).ToList();
        return errors.OrderBy(e => sources.IndexOf(e.Location.Source)).ThenBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();
    }

    /// <summary>
    /// Reads the Supervisor's options file as a config layer, and where the add-on's config file is: in its config
    /// folder, written there with the commented default first if <see cref="ConfigRequest.CreateAddonConfig"/> asks.
    /// </summary>
    private static (ConfigMapping? Layer, string? ConfigFile) ReadAddonOptions(ConfigRequest request, AddonLayout addon, List<ConfigError> errors)
    {
        var options = ConfigMapping.Empty(ConfigLocation.Named(addon.OptionsFile));
        if (!File.Exists(addon.OptionsFile))
        {
            errors.Add(new ConfigError(ConfigLocation.Named(addon.OptionsFile), string.Empty, "the add-on options file does not exist",
                $"Start the add-on from Home Assistant (the Supervisor writes it), or set {EnvironmentNames.OptionsFile} or {EnvironmentNames.DataDir}"));
        }
        else if (ReadFile(addon.OptionsFile, errors, allowSecrets: false) is { } read)
        {
            options = read;
        }

        var (layer, name) = AddonOptionsMapping.Translate(options, errors);
        if (name is null)
        {
            return (layer, null);
        }

        var configFile = Path.Combine(addon.ConfigDirectory, name);
        if (request.CreateAddonConfig && request.ConfigFile is null && request.Environment.GetValueOrDefault(EnvironmentNames.Config) is not { Length: > 0 })
        {
            try
            {
                AddonDefaultConfig.CreateIfMissing(configFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ConfigError(ConfigLocation.Named(configFile), string.Empty, $"cannot write the default config file: {ex.Message}",
                    "Check that the add-on's config folder is mapped writable (map: addon_config, read_only: false)"));
            }
        }

        return (layer, configFile);
    }

    /// <summary><c>--config</c>, else <c>POH_CONFIG</c>, else the add-on's config file if present, else <c>./poh.yaml</c> if present.</summary>
    private static string? ResolveConfigFile(ConfigRequest request, string? addonConfigFile, List<ConfigError> errors)
    {
        var (path, source) = request.ConfigFile is { Length: > 0 } flag
            ? (flag, "--config")
            : request.Environment.GetValueOrDefault(EnvironmentNames.Config) is { Length: > 0 } fromEnvironment
                ? (fromEnvironment, EnvironmentNames.Config)
                : (null, null);
        if (path is null)
        {
            if (addonConfigFile is not null && File.Exists(addonConfigFile))
            {
                return addonConfigFile;
            }

            var fallback = Path.Combine(request.WorkingDirectory, DefaultFileName);
            return File.Exists(fallback) ? fallback : null;
        }

        var full = Path.GetFullPath(path, request.WorkingDirectory);
        if (File.Exists(full))
        {
            return full;
        }

        errors.Add(new ConfigError(ConfigLocation.Named(full), string.Empty, $"the config file named by {source} does not exist",
            $"Check the path, or leave out {source} to run on the defaults"));
        return null;
    }

    private static ConfigMapping? ReadFile(string path, List<ConfigError> errors, bool allowSecrets)
    {
        string text;
        try
        {
            // Checked before reading, so a huge file named by mistake is refused without loading it (UTF-8: ≤ 4 bytes a character).
            if (new FileInfo(path).Length is var bytes && bytes > 4L * YamlSizeGuard.MaxCharacters)
            {
                errors.Add(new ConfigError(ConfigLocation.Named(path), string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"the file is {bytes:N0} bytes long, above the limit of {YamlSizeGuard.MaxCharacters:N0} characters"),
                    "A config this large is almost certainly not a config: check that the right file is named"));
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(ConfigLocation.Named(path), string.Empty, $"cannot read the file: {ex.Message}",
                "Check that it exists and that poh may read it"));
            return null;
        }

        var secrets = allowSecrets ? new SecretsFile(Path.Combine(Path.GetDirectoryName(path)!, SecretsFileName)) : null;
        return YamlConfigReader.Read(path, text, secrets, errors);
    }

    private static ConfigMapping AddonDefaults(AddonLayout addon)
    {
        var location = ConfigLocation.Named("add-on defaults");
        ConfigEntry Entry(string key, ConfigNode value) => new(key, location, value);
        return new ConfigMapping(
        [
            Entry("storage", new ConfigMapping([Entry("path", new ConfigScalar(addon.DataDirectory, false, location))], location)),
        ], location);
    }
}
