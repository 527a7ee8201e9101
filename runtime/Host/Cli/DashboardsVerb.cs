using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.HaSide;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// <c>poh dashboards --config poh.yaml --out DIR</c>: writes the Lovelace dashboard (Heating, Miners, Safety, Energy
/// in the sections layout) and the HA package for that config, every entity id one the brain announces for it.
/// </summary>
internal sealed class DashboardsVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "dashboards";

    /// <inheritdoc />
    public string Summary => "write the Lovelace dashboard and the HA package for the config";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--config", "FILE", "the YAML config file (default: $POH_CONFIG, else ./poh.yaml if present)"),
        new("--out", "DIR", "where to write dashboards/proof_of_heat.yaml and packages/proof_of_heat.yaml (HA's /config)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var output = arguments.Get("--out") ?? throw new CliUsageException("`dashboards` needs --out DIR", Name);
        HaSideModel model;
        try
        {
            model = HaSideConfig.Load(new ConfigRequest(arguments.Get("--config"), context.Environment, context.WorkingDirectory, context.Apps));
        }
        catch (ConfigException ex)
        {
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }

        var root = Path.GetFullPath(output, context.WorkingDirectory);
        foreach (var (path, text) in HaSideFiles.Render(model))
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text, cancellationToken);
            await context.Out.WriteLineAsync($"wrote {file}");
        }

        await context.Out.WriteLineAsync($"{model.Zones.Count} zone(s), {model.Miners.Count} miner(s), {model.BrainEntities.Count} brain entities");
        return ExitCodes.Ok;
    }
}
