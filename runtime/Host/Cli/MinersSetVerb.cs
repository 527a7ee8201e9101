using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// <c>poh miners set HOST[:PORT] --power W | --tier NAME | --sleep | --wake</c>: detects the
/// firmware, applies the change unless it is already in effect, reads back and prints the outcome
/// as JSON. Exits 0 when the miner is as asked (applied and confirmed, or already so); otherwise writes one line to
/// standard error saying what was expected and what was read, and exits 1.
/// </summary>
internal sealed class MinersSetVerb : ICliVerb
{
    private static readonly string[] CommandFlags = ["--power", "--tier", "--sleep", "--wake"];

    /// <inheritdoc />
    public string Name => "miners set";

    /// <inheritdoc />
    public string Summary => "change a miner's power (or sleep/wake it) and read it back";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--power", "W", "run at about W watts (a tiered miner takes the highest tier not above it)"),
        new("--tier", "NAME", "run in this tier or mode"),
        new("--sleep", null, "stop hashing, stay reachable"),
        new("--wake", null, "resume hashing"),
        .. MinerCliTarget.Flags,
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = ["HOST[:PORT]"];

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var command = Command(arguments);
        var endpoint = MinerCliTarget.Endpoint(arguments, context);
        return await MinerCliTarget.RunAsync(context, arguments, $"{endpoint}: {command}", async catalog =>
        {
            var (family, _) = await MinerCliTarget.FamilyAsync(arguments, context, catalog, endpoint, cancellationToken);
            if (family is null)
            {
                return ExitCodes.Failure;
            }

            await using var driver = catalog.Create(family, endpoint, MinerDrivers.CliContext(context.Time));
            var result = await driver.ApplyAsync(command, cancellationToken);
            await context.Out.WriteLineAsync(MinerJson.Set(endpoint, family, command, result));
            if (result.Succeeded)
            {
                return ExitCodes.Ok;
            }

            await context.Error.WriteLineAsync($"poh: {endpoint.Host}: {command} {result.Explain()}");
            return ExitCodes.Failure;
        });
    }

    private static MinerCommand Command(CliArguments arguments)
    {
        var given = CommandFlags.Where(arguments.Has).ToList();
        if (given.Count != 1)
        {
            throw new CliUsageException("give exactly one of --power W, --tier NAME, --sleep, --wake", arguments.Verb);
        }

        return given[0] switch
        {
            "--power" => MinerCommand.SetPower(arguments.GetInt("--power", 1, 100_000)!.Value),
            "--tier" => MinerCommand.SetTier(arguments.Get("--tier")!),
            "--sleep" => MinerCommand.Sleep,
            _ => MinerCommand.Wake,
        };
    }
}
