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
        return await MinerCliTarget.RunAsync(context, arguments, endpoint.ToString(), async catalog =>
        {
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
        });
    }
}
