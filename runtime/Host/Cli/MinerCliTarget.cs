using System.Globalization;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Detection;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// What the <c>miners</c> verbs share: the flags that say where a miner is and how to log in,
/// the driver catalog (built-ins and configured plugins), and detection.
/// </summary>
internal static class MinerCliTarget
{
    /// <summary>The flags of every <c>miners</c> verb.</summary>
    public static IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--rpc-port", "N", "the cgminer-style RPC port (default: 4028)"),
        new("--v3-port", "N", "the Whatsminer API v3 port (default: 4433)"),
        new("--user", "NAME", "user name, when the firmware wants one (default: the family's)"),
        new("--password", "TEXT", "password (default: the family's; prefer $POH_MINER_PASSWORD)"),
        new("--family", "ID", "skip detection and use this firmware family"),
        new("--config", "FILE", "a YAML config whose plugins: section names driver plugins to load"),
    ];

    /// <summary>Parses <c>HOST[:PORT]</c> (PORT = the web port) and the port and login flags.</summary>
    public static MinerEndpoint Endpoint(CliArguments arguments, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (arguments.Positionals.Count != 1)
        {
            throw new CliUsageException("give one miner as HOST or HOST:PORT", arguments.Verb);
        }

        var text = arguments.Positionals[0];
        var host = text;
        var httpPort = 80;
        var colon = text.LastIndexOf(':');
        if (colon > 0 && !text.EndsWith(']'))
        {
            host = text[..colon];
            if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out httpPort) || httpPort is < 1 or > 65535)
            {
                throw new CliUsageException($"`{text}` is not HOST:PORT with a port from 1 to 65535", arguments.Verb);
            }
        }

        return new MinerEndpoint(host.Trim('[', ']'))
        {
            HttpPort = httpPort,
            RpcPort = arguments.GetInt("--rpc-port", 1, 65535) ?? 4028,
            WhatsminerV3Port = arguments.GetInt("--v3-port", 1, 65535) ?? 4433,
            Username = arguments.Get("--user"),
            Password = arguments.Get("--password") ?? context.Environment.GetValueOrDefault("POH_MINER_PASSWORD"),
        };
    }

    /// <summary>The driver catalog: built-ins plus the plugins named in <c>--config</c>.</summary>
    /// <exception cref="ConfigException">The config file is invalid.</exception>
    /// <exception cref="PluginLoadException">A plugin could not be loaded.</exception>
    public static MinerDriverCatalog Catalog(CliArguments arguments, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (arguments.Get("--config") is not { } file)
        {
            return new MinerDriverCatalog(MinerDrivers.BuiltIn());
        }

        var config = ConfigLoader.Load(new ConfigRequest(file, context.Environment, context.WorkingDirectory, context.Apps));
        return MinerDrivers.Catalog(config, context.WorkingDirectory);
    }

    /// <summary>
    /// The family to use: <c>--family</c> when given (checked against the catalog), else the
    /// detected one; null (with the evidence printed to stderr) when nothing recognises the host.
    /// </summary>
    public static async Task<(string? Family, MinerDetection? Detection)> FamilyAsync(
        CliArguments arguments, CliContext context, MinerDriverCatalog catalog, MinerEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(catalog);
        if (arguments.Get("--family") is { } family)
        {
            if (!catalog.Contains(family))
            {
                throw new CliUsageException(
                    $"--family `{family}` is not a known family; known: {string.Join(", ", catalog.Factories.Select(f => f.Family))}", arguments.Verb);
            }

            return (catalog.Get(family).Family, null);
        }

        var detection = await new MinerFirmwareDetector(catalog, MinerDrivers.CliContext(context.Time)).DetectAsync(endpoint, cancellationToken);
        if (detection.Family is null)
        {
            var evidence = detection.Evidence;
            await context.Error.WriteLineAsync(
                $"poh: no known firmware at {endpoint}: web {(evidence.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "no answer")}, "
                + $"rpc {(evidence.RpcVersionReply is null ? "no answer" : "answered")}, v3 port {(evidence.WhatsminerV3PortOpen ? "open" : "closed")}. "
                + "Check the host and ports, or name the family with --family.");
        }

        return (detection.Family, detection);
    }

    /// <summary>
    /// Runs a <c>miners</c> verb's work with the catalog, turning the errors every such verb can meet
    /// into messages and exit codes: config and plugin errors exit 2, a miner error exits 1.
    /// </summary>
    /// <param name="context">The console and environment.</param>
    /// <param name="arguments">The verb's arguments (for <c>--config</c>).</param>
    /// <param name="what">What is being done, for the miner error's message (e.g. the host and command).</param>
    /// <param name="work">The verb's work with the catalog; returns the exit code.</param>
    public static async Task<int> RunAsync(CliContext context, CliArguments arguments, string what, Func<MinerDriverCatalog, Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work(Catalog(arguments, context));
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
            await context.Error.WriteLineAsync($"poh: {what}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
