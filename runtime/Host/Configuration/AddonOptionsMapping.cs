using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Turns the add-on's own options (the flat keys of <c>addon/proof_of_heat/config.yaml</c>'s schema, which the
/// Supervisor writes to <c>options.json</c>) into the brain's config keys: <c>log_level</c> → <c>logging.level</c>,
/// <c>log_format</c> → <c>logging.format</c>, and <c>config_file</c> names the full config file in the add-on's
/// config folder. Any other key is taken as a config section as written, so <c>options.json</c> stays a config layer.
/// </summary>
internal static class AddonOptionsMapping
{
    /// <summary>The option naming the config file in the add-on's config folder.</summary>
    public const string ConfigFileOption = "config_file";

    /// <summary>The config file's name when the option is absent.</summary>
    public const string DefaultConfigFileName = "poh.yaml";

    private static readonly Dictionary<string, (string Section, string Key)> Renamed = new(StringComparer.Ordinal)
    {
        ["log_level"] = ("logging", "level"),
        ["log_format"] = ("logging", "format"),
    };

    /// <summary>The add-on option names this mapping understands besides config sections.</summary>
    public static IReadOnlyList<string> OptionNames { get; } = [.. Renamed.Keys, ConfigFileOption];

    /// <summary>
    /// The config layer made of <paramref name="options"/> and the config file name it asks for
    /// (<see cref="DefaultConfigFileName"/> when absent). A name that is not a plain <c>.yaml</c> file name is an error,
    /// and the name is then null: no file is read or written in its place.
    /// </summary>
    public static (ConfigMapping Layer, string? ConfigFileName) Translate(ConfigMapping options, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var layer = ConfigMapping.Empty(options.Location);
        string? configFileName = DefaultConfigFileName;
        foreach (var entry in options.Entries)
        {
            if (entry.Key == ConfigFileOption)
            {
                configFileName = ConfigFileName(entry, errors);
            }
            else if (Renamed.TryGetValue(entry.Key, out var target))
            {
                var section = new ConfigMapping([new ConfigEntry(target.Key, entry.KeyLocation, entry.Value)], entry.KeyLocation);
                layer = layer.MergeWith(new ConfigMapping([new ConfigEntry(target.Section, entry.KeyLocation, section)], entry.KeyLocation));
            }
            else
            {
                layer = layer.MergeWith(new ConfigMapping([entry], entry.KeyLocation));
            }
        }

        return (layer, configFileName);
    }

    private static string? ConfigFileName(ConfigEntry entry, List<ConfigError> errors)
    {
        // A name, not a path: the file must stay inside the add-on's own config folder, the only one mapped for it.
        if (entry.Value is ConfigScalar { Value: { Length: > 0 } name }
            && name.IndexOfAny(['/', '\\']) < 0 && name is not ("." or "..")
            && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
        {
            return name;
        }

        errors.Add(new ConfigError(entry.Value.Location, ConfigFileOption, "is not the name of a .yaml file",
            $"Give a file name such as {DefaultConfigFileName}; it is looked for in the add-on's config folder"));
        return null;
    }
}
