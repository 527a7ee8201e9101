using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Loads and validates the configuration: built-in defaults, then the YAML file (<c>--config</c>,
/// else <c>POH_CONFIG</c>, else <c>./poh.yaml</c> if present), then in add-on mode the
/// Supervisor's options file, then the environment. Later layers win key by key.
/// </summary>
internal static class ConfigLoader
{
    private const string DefaultFileName = "poh.yaml";
    private const string SecretsFileName = "secrets.yaml";

    /// <summary>Loads the configuration; throws <see cref="ConfigException"/> listing every problem found.</summary>
    public static LoadedConfig Load(ConfigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ConfigError>();
        var tree = request.IsAddon ? AddonDefaults() : ConfigMapping.Empty(ConfigLocation.Defaults);

        var configFile = ResolveConfigFile(request, errors);
        if (configFile is not null && ReadFile(configFile, errors, allowSecrets: true) is { } fileTree)
        {
            tree = tree.MergeWith(fileTree);
        }

        string? optionsFile = null;
        if (request.IsAddon)
        {
            optionsFile = request.Environment.GetValueOrDefault(EnvironmentNames.OptionsFile) is { Length: > 0 } overridden
                ? Path.GetFullPath(overridden, request.WorkingDirectory)
                : EnvironmentNames.AddonOptionsPath;
            if (!File.Exists(optionsFile))
            {
                errors.Add(new ConfigError(ConfigLocation.Named(optionsFile), string.Empty, "the add-on options file does not exist",
                    "Start the add-on from Home Assistant (the Supervisor writes it), or set POH_OPTIONS_FILE"));
            }
            else if (ReadFile(optionsFile, errors, allowSecrets: false) is { } optionsTree)
            {
                tree = tree.MergeWith(optionsTree);
            }
        }

        tree = tree.MergeWith(EnvironmentConfigSource.Read(request.Environment));
        var binder = new OptionsBinder(request.Schema, errors);
        var options = binder.Bind<BrainOptions>(tree);
        HttpOptionsValidation.Check(options.Http, tree, request.IsAddon, errors);
        if (errors.Count > 0)
        {
            throw new ConfigException(InReadingOrder(errors));
        }

        return new LoadedConfig(options, configFile, optionsFile, request.IsAddon, binder.SecretValues.ToList());
    }

    /// <summary>Sorts errors by line within each source, sources in the order they were read.</summary>
    private static List<ConfigError> InReadingOrder(List<ConfigError> errors)
    {
        var sources = errors.Select(e => e.Location.Source).Distinct(StringComparer.Ordinal).ToList();
        return errors.OrderBy(e => sources.IndexOf(e.Location.Source)).ThenBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();
    }

    private static string? ResolveConfigFile(ConfigRequest request, List<ConfigError> errors)
    {
        var (path, source) = request.ConfigFile is { Length: > 0 } flag
            ? (flag, "--config")
            : request.Environment.GetValueOrDefault(EnvironmentNames.Config) is { Length: > 0 } fromEnvironment
                ? (fromEnvironment, EnvironmentNames.Config)
                : (null, null);
        if (path is null)
        {
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

    private static ConfigMapping AddonDefaults()
    {
        var location = ConfigLocation.Named("add-on defaults");
        ConfigEntry Entry(string key, ConfigNode value) => new(key, location, value);
        return new ConfigMapping(
        [
            Entry("storage", new ConfigMapping([Entry("path", new ConfigScalar(EnvironmentNames.AddonDataDirectory, false, location))], location)),
        ], location);
    }
}
