namespace ProofOfHeat.Host.Configuration;

/// <summary>What the configuration is loaded from.</summary>
/// <param name="ConfigFile">The <c>--config</c> argument, if given.</param>
/// <param name="Environment">The process environment (a copy, so tests can pass their own).</param>
/// <param name="WorkingDirectory">Where <c>./poh.yaml</c> is looked for.</param>
/// <param name="Apps">The apps whose sections may appear under <c>apps:</c>.</param>
internal sealed record ConfigRequest(
    string? ConfigFile,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    AppCatalog Apps)
{
    /// <summary>Whether the Supervisor started us (add-on mode).</summary>
    public bool IsAddon => Environment.TryGetValue(EnvironmentNames.SupervisorToken, out var token) && !string.IsNullOrWhiteSpace(token);

    /// <summary>
    /// In add-on mode, whether to write the commented default config file into the add-on's config folder when it is
    /// missing (<c>run</c> does; <c>check-config</c> only reads).
    /// </summary>
    public bool CreateAddonConfig { get; init; }
}
