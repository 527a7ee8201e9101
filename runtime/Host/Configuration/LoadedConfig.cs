namespace ProofOfHeat.Host.Configuration;

/// <summary>A validated configuration and where it came from.</summary>
/// <param name="Options">The bound options.</param>
/// <param name="ConfigFile">The YAML file read, or null when none was.</param>
/// <param name="AddonOptionsFile">The add-on options file read, or null outside add-on mode.</param>
/// <param name="IsAddon">Whether the Supervisor started us.</param>
/// <param name="SecretValues">Every secret value in the configuration, to be redacted from logs.</param>
internal sealed record LoadedConfig(
    BrainOptions Options,
    string? ConfigFile,
    string? AddonOptionsFile,
    bool IsAddon,
    IReadOnlyCollection<string> SecretValues)
{
    /// <summary>Where each options object was written, for checks that run after loading (empty when built in code).</summary>
    public ConfigSources Sources { get; init; } = new();

    /// <summary>Names the sources for <c>check-config</c> and the start-up log.</summary>
    public string DescribeSources()
    {
        var sources = new List<string>();
        if (ConfigFile is not null)
        {
            sources.Add(ConfigFile);
        }

        if (AddonOptionsFile is not null)
        {
            sources.Add(AddonOptionsFile);
        }

        return sources.Count == 0 ? "built-in defaults (no config file)" : string.Join(", ", sources);
    }
}
