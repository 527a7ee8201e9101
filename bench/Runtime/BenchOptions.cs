using System.Globalization;

namespace ProofOfHeat.Bench;

/// <summary>The command line of the runtime benchmark (see bench/README.md).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: ProofOfHeat.Bench [--quick] [--events N] [--runs N] [--entities N] [--window N] [--coalesce N]
                                 [--skip-throughput] [--skip-rss] [--rss-minutes M] [--poh PATH] [--results PATH] [--bdn]
          --quick            20,000 events a run, 3 runs, 1 minute of demo RSS (a smoke run)
          --events N         events per measured run (default 200,000)
          --runs N           measured runs per stage; the median is reported (default 5)
          --entities N       distinct entities in the event pool (default 960)
          --window N         events in flight at most, below the app queue of 1,024 (default 1,000)
          --coalesce N       messages per frame for the coalesced rows (default 20; 1 skips them)
          --rss-minutes M    how long `poh run` (realistic home) and the demo run for the memory readings (default 10)
          --poh PATH         the brain's poh.dll (default: beside this build, artifacts/bin/ProofOfHeat.Host/release)
          --addon PATH       the add-on's brain, the trimmed self-contained poh executable of addon/publish.sh
                             (default: artifacts/addon-publish/amd64/poh, aarch64 on arm64; ./poh bench publishes it)
          --demo PATH        the demo's ProofOfHeat.Demo.dll (default: artifacts/bin/ProofOfHeat.Demo/release)
          --before PATH      another poh.dll (an earlier build) to measure in the same kind of home, side by side
          --results PATH     where the Markdown table goes (default bench/Runtime/results.md)
          --bdn              also run the BenchmarkDotNet micro-benchmarks of the decoder
          --variant L|DLL|K=V,…[|bare]  also run `poh run` from DLL (empty: the default; a path not ending in .dll is run
                             as a self-contained executable, such as the add-on's poh) with these environment variables
                             over the launch.env beside it (none with "bare"), labelled L, side by side with the others;
                             repeatable; a label ending in "no apps" runs it with HA only
          --skip-demo        no demo run in the memory part
          --only WORD        run only the throughput stages whose name starts with WORD (decode, socket, client, full)
        """;

    public long Events { get; init; } = 200_000;

    public int Runs { get; init; } = 5;

    public int Entities { get; init; } = 960;

    public int Window { get; init; } = 1_000;

    public int Coalesce { get; init; } = 20;

    public bool Quick { get; init; }

    public bool SkipThroughput { get; init; }

    public bool SkipRss { get; init; }

    public double RssMinutes { get; init; } = 10;

    public string? PohDll { get; init; }

    /// <summary>The add-on's self-contained, trimmed <c>poh</c> executable.</summary>
    public string? AddonPoh { get; init; }

    public string? DemoDll { get; init; }

    public string? BeforePohDll { get; init; }

    public string? ResultsPath { get; init; }

    /// <summary>Extra `poh run` variants measured side by side (label|dll|K=V,…).</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    public bool SkipDemo { get; init; }

    public bool MicroBenchmarks { get; init; }

    /// <summary>Runs only the stages whose name starts with this (for profiling).</summary>
    public string? OnlyStage { get; init; }

    /// <summary>Where the pinned child writes its part of the table (internal).</summary>
    public string? FragmentPath { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? new BenchOptions { Quick = true, Events = 20_000, Runs = 3, RssMinutes = 1 } : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--quick" => options,
                "--events" => options with { Events = long.Parse(Value(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--entities" => options with { Entities = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--window" => options with { Window = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--coalesce" => options with { Coalesce = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--skip-throughput" => options with { SkipThroughput = true },
                "--skip-rss" => options with { SkipRss = true },
                "--rss-minutes" => options with { RssMinutes = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--poh" => options with { PohDll = Value() },
                "--addon" => options with { AddonPoh = Value() },
                "--demo" => options with { DemoDll = Value() },
                "--before" => options with { BeforePohDll = Value() },
                "--results" => options with { ResultsPath = Value() },
                "--variant" => options with { Variants = [.. options.Variants, Value()] },
                "--skip-demo" => options with { SkipDemo = true },
                "--bdn" => options with { MicroBenchmarks = true },
                "--only" => options with { OnlyStage = Value() },
                "--fragment" => options with { FragmentPath = Value() },
                _ => throw new ArgumentException($"Unknown argument {args[i]}.\n{Usage}"),
            };
        }

        if (options.Window % Math.Max(options.Coalesce, 1) != 0 || options.Events % options.Window != 0)
        {
            throw new ArgumentException("--window must be a multiple of --coalesce, and --events a multiple of --window.");
        }

        return options;
    }

    /// <summary>The arguments that reproduce these options in the pinned child.</summary>
    public IEnumerable<string> ToChildArguments(string fragmentPath) =>
    [
        "--events", Events.ToString(CultureInfo.InvariantCulture),
        "--runs", Runs.ToString(CultureInfo.InvariantCulture),
        "--entities", Entities.ToString(CultureInfo.InvariantCulture),
        "--window", Window.ToString(CultureInfo.InvariantCulture),
        "--coalesce", Coalesce.ToString(CultureInfo.InvariantCulture),
        "--skip-rss",
        .. MicroBenchmarks ? (string[])["--bdn"] : [],
        .. OnlyStage is { } only ? (string[])["--only", only] : [],
        "--fragment", fragmentPath,
    ];
}
