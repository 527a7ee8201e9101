using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Configuration.Tree;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Storage;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// The shared flow of <c>run</c> and <c>demo</c>: load and validate the configuration, open the
/// store, start the host, print where the API listens, and wait for Ctrl-C, SIGTERM or
/// <c>--for</c>. Every expected failure ends in one clear line and an exit code, not a stack trace.
/// </summary>
internal static class BrainLauncher
{
    /// <summary>The stderr line that tells people and tests where the API listens.</summary>
    public const string ListeningPrefix = "http: listening on ";

    /// <summary>Runs the brain until it is stopped; returns the exit code.</summary>
    public static async Task<int> RunAsync(RunMode mode, CliArguments arguments, CliContext context, DemoOptions? demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var httpPort = arguments.GetInt("--http-port", 0, 65535);
        var logFormat = LogFormatFlag(arguments);
        LoadedConfig config;
        try
        {
            config = ConfigLoader.Load(new ConfigRequest(arguments.Get("--config"), context.Environment, context.WorkingDirectory, context.Apps)
            {
                CreateAddonConfig = mode == RunMode.Run,
            });
            RequireHomeAssistant(mode, config);
            config.Options.Logging.Format = logFormat ?? config.Options.Logging.Format;
        }
        catch (ConfigException ex)
        {
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }

        var settings = new BrainHostSettings(config, mode, demo,
            BrainHostSettings.ResolveDataDirectory(arguments.Get("--data"), config, context.WorkingDirectory),
            httpPort ?? config.Options.Http.Port,
            await SupervisorBroker.FindAsync(config, context.Environment, context.Error, cancellationToken),
            context.Apps);
        // `--for` counts from here, so the demo's whole wall time (start-up included) is bounded.
        using var stopAfter = demo?.For is { } duration ? new CancellationTokenSource(duration, context.Time) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopAfter.Token, cancellationToken);
        try
        {
            await using var app = await BrainHostBuilder.BuildAsync(settings, context.Time, cancellationToken);
            await app.StartAsync(cancellationToken);
            foreach (var url in app.Urls)
            {
                await context.Error.WriteLineAsync($"{ListeningPrefix}{url}");
            }

            await app.WaitForShutdownAsync(stop.Token);
            return ExitCodes.Ok;
        }
        catch (ConfigException ex)
        {
            // Found while composing (a Zigbee2MQTT device the library refuses, say): as clear as the loader's.
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }
        catch (StoreException ex)
        {
            await context.Error.WriteLineAsync($"poh: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException ex)
        {
            // The API server reports a taken port as an IOException ("address already in use"), as Kestrel did.
            await context.Error.WriteLineAsync($"poh: cannot start the HTTP API on {config.Options.Http.Bind}:{settings.HttpPort}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The <c>--log-format</c> flag shared by <c>run</c> and <c>demo</c>.</summary>
    public static CliFlag LogFormatOption { get; } = new("--log-format", "FORMAT", "console (one readable line per entry) or json (for log shippers); default: logging.format, console");

    private static LogFormat? LogFormatFlag(CliArguments arguments) => arguments.Get(LogFormatOption.Name) switch
    {
        null => null,
        "console" => LogFormat.Console,
        "json" => LogFormat.Json,
        var other => throw new CliUsageException($"{LogFormatOption.Name} `{other}` is not valid: expected console or json", arguments.Verb),
    };

    private static void RequireHomeAssistant(RunMode mode, LoadedConfig config)
    {
        if (mode != RunMode.Run || config.Options.HomeAssistant is not null)
        {
            return;
        }

        var location = config.ConfigFile is null ? ConfigLocation.Defaults : ConfigLocation.Named(config.ConfigFile);
        throw new ConfigException(
        [
            new ConfigError(location, "homeassistant", "`run` needs Home Assistant, but it is not configured",
                "Add `homeassistant:` with `url:` and `token:` to the config file, or set POH_HA_URL and POH_HA_TOKEN (or try `poh demo`)"),
        ]);
    }
}
