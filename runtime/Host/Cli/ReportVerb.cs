using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Telemetry.Store;
using ProofOfHeat.Telemetry.Store.Report;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// <c>poh report [--since 7d]</c>: per day, heat delivered per source, electricity and gas cost, mining revenue, net
/// cost per kWh of heat, discomfort and the alerts, as Markdown on stdout — from the embedded telemetry store
/// (<c>telemetry.db</c> in the data directory). Reads only; runs beside a running brain.
/// </summary>
internal sealed class ReportVerb : ICliVerb
{
    private static readonly TimeSpan DefaultSince = TimeSpan.FromDays(7);

    /// <inheritdoc />
    public string Name => "report";

    /// <inheritdoc />
    public string Summary => "print per-day heat, cost, mining revenue, discomfort and alerts as Markdown";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--since", "DURATION", "how far back, from the start of that day (UTC); default 7d"),
        new("--config", "FILE", "the YAML config file (default: $POH_CONFIG, else ./poh.yaml if present)"),
        new("--data", "DIR", "the data directory holding telemetry.db (default: storage.path, /data in the add-on, else ./data)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var since = arguments.GetDuration("--since") ?? DefaultSince;
        string dataDirectory;
        try
        {
            var config = ConfigLoader.Load(new ConfigRequest(arguments.Get("--config"), context.Environment, context.WorkingDirectory, context.Apps));
            dataDirectory = BrainHostSettings.ResolveDataDirectory(arguments.Get("--data"), config, context.WorkingDirectory);
        }
        catch (ConfigException ex)
        {
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }

        var path = Path.Combine(dataDirectory, TelemetryStoreOptions.FileName);
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync($"poh: no telemetry store at {path} (the brain records there while it runs)");
            return ExitCodes.Failure;
        }

        var now = context.Time.GetUtcNow();
        using var store = TelemetryStore.OpenFile(path, new TelemetryStoreOptions(), context.Time);
        await ReportMarkdown.WriteAsync(ReportBuilder.Build(store, now - since, now), context.Out, cancellationToken);
        return ExitCodes.Ok;
    }
}
