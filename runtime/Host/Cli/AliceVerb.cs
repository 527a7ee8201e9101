using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.HaSide;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// <c>poh alice --config poh.yaml [--out FILE]</c>: writes the <c>yandex_smart_home</c> configuration exposing the
/// zones' climates, the miners' switches, the valves and the alarm's state to Alice, with Russian names and rooms.
/// </summary>
internal sealed class AliceVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "alice";

    /// <inheritdoc />
    public string Summary => "write the yandex_smart_home (Alice) configuration for the config";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--config", "FILE", "the YAML config file (default: $POH_CONFIG, else ./poh.yaml if present)"),
        new("--out", "FILE", "the file to write (default: standard output)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        string text;
        try
        {
            text = AliceConfig.Render(HaSideConfig.Load(new ConfigRequest(arguments.Get("--config"), context.Environment, context.WorkingDirectory, context.Apps)));
        }
        catch (ConfigException ex)
        {
            await ConfigErrorPrinter.WriteAsync(context.Error, ex.Errors);
            return ExitCodes.Usage;
        }

        if (arguments.Get("--out") is { } output)
        {
            var file = Path.GetFullPath(output, context.WorkingDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text, cancellationToken);
            await context.Out.WriteLineAsync($"wrote {file}");
        }
        else
        {
            await context.Out.WriteAsync(text);
        }

        return ExitCodes.Ok;
    }
}
