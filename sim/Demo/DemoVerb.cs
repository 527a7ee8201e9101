using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Demo;

/// <summary>
/// <c>poh demo [--for 30s] [--speed N] [--mqtt URL] [--data DIR] [--http-port N]</c>: the brain
/// steering the simulated home on loopback; needs no config file, HA or broker.
/// </summary>
internal sealed class DemoVerb : ICliVerb
{
    /// <summary>Simulated seconds per wall second when <c>--speed</c> is not given: a minute a second shows a day in 24 minutes.</summary>
    public const double DefaultSpeed = 60;

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "run the brain on a simulated home (no Home Assistant or broker needed)";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } =
    [
        new("--for", "DURATION", "stop after this wall time, such as 30s, 10m or 1h (default: until Ctrl-C)"),
        new("--speed", "N", $"simulated seconds per wall second (default: {DefaultSpeed})"),
        new("--mqtt", "URL", "also publish to this MQTT broker, such as mqtt://127.0.0.1:1883"),
        new("--data", "DIR", "the data directory for poh.db (default: ./data)"),
        new("--http-port", "N", "the HTTP API port, 0 for any free port (default: http.port, 8099)"),
        BrainLauncher.LogFormatOption,
        new("--config", "FILE", "an optional YAML config file (default: none needed)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var demo = new DemoOptions(
            arguments.GetPositiveDouble("--speed") ?? DefaultSpeed,
            arguments.GetDuration("--for"),
            arguments.GetUri("--mqtt"));
        return BrainLauncher.RunAsync(RunMode.Demo, arguments, context, demo with { Home = new DemoHome() }, cancellationToken);
    }
}
