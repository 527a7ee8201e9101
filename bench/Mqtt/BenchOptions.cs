using System.Globalization;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>The harness's command line: how long and how often to measure, and whether to run Node-RED beside us.</summary>
internal sealed record BenchOptions
{
    /// <summary>Measured runs per figure; the table shows their median.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Messages per throughput run.</summary>
    public int ThroughputMessages { get; init; } = 100_000;

    /// <summary>Events per second in the latency runs.</summary>
    public int EventsPerSecond { get; init; } = 1_000;

    /// <summary>Length of one latency run.</summary>
    public TimeSpan LatencyRun { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether to add the contrasts: our rule with <see cref="TunedRuntime"/> and with <see cref="StockRuntime"/> settings.</summary>
    public bool Tuned { get; init; } = true;

    /// <summary>Whether to measure Node-RED 4 too (when it is installed under bench/Mqtt/node).</summary>
    public bool NodeRed { get; init; } = true;

    /// <summary>Where bench/Mqtt/node is (package.json, flows.json, settings.js, node_modules).</summary>
    public string NodeDirectory { get; init; } = string.Empty;

    /// <summary>
    /// Runs the whole brain (poh run with the safety app, Zigbee2MQTT devices, no HA) beside Node-RED and the bare rule,
    /// on a stream that alternates dry and wet (the safety rule acts on a sensor going wet), plus the overload run.
    /// </summary>
    public bool Brain { get; init; }

    /// <summary>The poh executable for <see cref="Brain"/> (default: the Host's build beside this program's).</summary>
    public string? PohPath { get; init; }

    /// <summary>
    /// Another build's poh to run beside the brain as one more contestant (<c>--baseline-poh PATH</c>, e.g. main's
    /// build), so a change's before and after are measured in the same run.
    /// </summary>
    public string? BaselinePohPath { get; init; }

    /// <summary>Environment over the brain's launch environment (<c>--brain-env NAME=VALUE</c>, repeatable): GC contrasts.</summary>
    public IReadOnlyDictionary<string, string> BrainEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Meter readings over the limit in the overload run.</summary>
    public int OverloadTrials { get; init; } = 8;

    public static BenchOptions Parse(string[] args, string defaultNodeDirectory)
    {
        var options = new BenchOptions { NodeDirectory = defaultNodeDirectory };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options with { Runs = 1, ThroughputMessages = 20_000, LatencyRun = TimeSpan.FromSeconds(3) },
                "--runs" => options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--messages" => options with { ThroughputMessages = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => options with { EventsPerSecond = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { LatencyRun = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--no-node-red" => options with { NodeRed = false },
                "--no-tuned" => options with { Tuned = false },
                "--brain" => options with { Brain = true },
                "--poh" => options with { PohPath = Path.GetFullPath(Next()) },
                "--baseline-poh" => options with { BaselinePohPath = Path.GetFullPath(Next()) },
                "--brain-env" => options with { BrainEnvironment = WithVariable(options.BrainEnvironment, Next()) },
                "--overload-trials" => options with { OverloadTrials = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--node-dir" => options with { NodeDirectory = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --quick --runs N --messages N --rate N --seconds S --no-node-red --no-tuned --node-dir DIR --brain --poh PATH --baseline-poh PATH --brain-env NAME=VALUE --overload-trials N"),
            };
        }

        return options;
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> variables, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--brain-env needs NAME=VALUE, not {assignment}.");
        }

        return new Dictionary<string, string>(variables, StringComparer.Ordinal) { [assignment[..equals]] = assignment[(equals + 1)..] };
    }
}
