using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Host.Cli;

/// <summary><c>poh run [--config FILE] [--data DIR]</c>: the brain against a real Home Assistant.</summary>
internal sealed class RunVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Summary => "run the brain against Home Assistant (standalone or as the add-on)";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--config", "FILE", "the YAML config file (default: $POH_CONFIG, else ./poh.yaml if present)"),
        new("--data", "DIR", "the data directory for poh.db (default: storage.path, /data in the add-on, else ./data)"),
        new("--http-port", "N", "the HTTP API port, 0 for any free port (default: http.port, 8099)"),
        BrainLauncher.LogFormatOption,
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken) =>
        BrainLauncher.RunAsync(RunMode.Run, arguments, context, demo: null, cancellationToken);
}
