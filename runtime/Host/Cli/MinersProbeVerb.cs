using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// <c>poh miners probe HOST[:PORT]</c>: detects the firmware, then prints the family, the
/// capabilities and one reading as JSON. Changes nothing on the miner.
/// </summary>
internal sealed class MinersProbeVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "miners probe";

    /// <inheritdoc />
    public string Summary => "detect a miner's firmware and print its capabilities and one reading as JSON";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags => MinerCliTarget.Flags;

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = ["HOST[:PORT]"];

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = MinerCliTarget.Endpoint(arguments, context);
        try
        {
            var catalog = MinerCliTarget.Catalog(arguments, context);
            var (family, detection) = await MinerCliTarget.FamilyAsync(arguments, context, catalog, endpoint, cancellationToken);
            if (family is null)
            {
                return ExitCodes.Failure;
            }

            var factory = catalog.Get(family);
            await using var driver = factory.Create(endpoint, MinerDrivers.CliContext(context.Time));
            var capabilities = await driver.GetCapabilitiesAsync(cancellationToken);
            var reading = await driver.ReadAsync(cancellationToken);
            await context.Out.WriteLineAsync(MinerJson.Probe(endpoint, factory, detection, capabilities, reading));
            return ExitCodes.Ok;
        }
        catch (ConfigException ex)
        {
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }
        catch (PluginLoadException ex)
        {
            await context.Error.WriteLineAsync($"poh: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (MinerException ex)
        {
            await context.Error.WriteLineAsync($"poh: {endpoint}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
