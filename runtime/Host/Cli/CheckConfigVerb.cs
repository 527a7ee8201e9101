using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Host.Cli;

/// <summary><c>poh check-config [--config FILE]</c>: loads and validates the configuration, starts nothing.</summary>
internal sealed class CheckConfigVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "check-config";

    /// <inheritdoc />
    public string Summary => "validate the configuration and print every error found";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--config", "FILE", "the YAML config file (default: $POH_CONFIG, else ./poh.yaml if present)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var config = ConfigLoader.Load(
                new ConfigRequest(arguments.Get("--config"), context.Environment, context.WorkingDirectory, context.Apps),
                loaded => CheckMiners(loaded, context.WorkingDirectory));
            await context.Out.WriteLineAsync($"config OK: {config.DescribeSources()}");
            return ExitCodes.Ok;
        }
        catch (ConfigException ex)
        {
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }
    }

    /// <summary>What only the loaded drivers can judge (plugins included), so check-config refuses what the fleet would.</summary>
    private static IReadOnlyList<ConfigError> CheckMiners(LoadedConfig config, string workingDirectory)
    {
        try
        {
            return MinerEntryChecks.Check(config, MinerDrivers.CatalogOrConfigError(config, workingDirectory));
        }
        catch (ConfigException ex)
        {
            return ex.Errors;
        }
    }
}
