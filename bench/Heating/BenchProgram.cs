using System.Diagnostics;
using System.Globalization;
using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Report;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;

namespace ProofOfHeat.Bench.Heating;

/// <summary>The command line: see bench/Heating/README.md.</summary>
public static class BenchProgram
{
    private const string Usage = """
        usage: dotnet run --project bench/Heating -c Release -- [options]
          --scenario DIR       run one scenario directory (repeatable); default: the core subset
          --strategies a,b     strategies to run (default: HYST,TPI,TPI-tuned,PID,PRICE-RULE and MPC,ORACLE when built)
          --out DIR            where results.md, results.json and tuning-cache.json go (default: bench-heating-out)
          --export DIR         write the core subset (or the given scenarios) as scenario directories and exit
          --filter TEXT        keep only scenarios whose name contains TEXT
          --house H            core subset on house H-M (default), H-L, H-H or all; names get -H-L / -H-H
          --hashprice L        core subset at hashprice low, mid (default), high or all; the label is in the name
          --test-days N        shorten the test period (quick checks)
          --f1                 add fault F1 (room sensor silent 3 h, from 22:00 on the 4th test day; 1st day when shorter)
          --quick              the same as --test-days 2 (what ./poh bench --quick passes to every bench)
          --trace DIR          write a 15-min CSV trace per run (room, band, outdoor, price, flow, source levels)
          --reuse FILE         with --reuse-strategies: take those strategies' rows from an earlier results.json instead
                               of running them (same scenario name, strategy and test length; marked in results.md)
          --reuse-strategies a,b   the strategies --reuse applies to (e.g. MPC,ORACLE when their code has not changed)
          --plant k=v[,k=v]    plant reality for the selected scenarios: emitter_exponent=X, hydronic_lag_hours=H,
                               heat_pump_carnot_fraction=F, boiler_efficiency=E, solar_forecast_shift_hours=S,
                               heat_meter_noise=R, flow_sensor_noise_k=K, meter_lag_minutes=M, window_contacts=1
                               (names get -nX / -lagH / -copF / -etaE / -sun±Sh / -hmR / -fsK / -mlM / -wc)
          --report FILE[,FILE]  run nothing: write results.md (and a merged results.json) from earlier results.json files
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var scenarioDirs = new List<string>();
        string? strategies = null, export = null, filter = null, trace = null, house = null, hashprice = null, reuse = null, reuseStrategies = null, report = null, plant = null;
        var output = "bench-heating-out";
        double? testDays = null;
        var fault = false;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--scenario": scenarioDirs.Add(Next()); break;
                    case "--strategies": strategies = Next(); break;
                    case "--out": output = Next(); break;
                    case "--export": export = Next(); break;
                    case "--filter": filter = Next(); break;
                    case "--house": house = Next(); break;
                    case "--hashprice": hashprice = Next(); break;
                    case "--trace": trace = Next(); break;
                    case "--reuse": reuse = Next(); break;
                    case "--reuse-strategies": reuseStrategies = Next(); break;
                    case "--report": report = Next(); break;
                    case "--plant": plant = Next(); break;
                    case "--test-days": testDays = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--quick": testDays ??= 2; break;
                    case "--f1": fault = true; break;
                    case "-h" or "--help": stdout.WriteLine(Usage); return 0;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }

            if (report is not null)
            {
                return Report(report, output, stdout, stderr);
            }

            var houses = Choose("--house", house, ScenarioCatalog.Houses, "H-M");
            var hashprices = Choose("--hashprice", hashprice, ScenarioCatalog.HashpriceLabels, "mid");
            if (scenarioDirs.Count > 0 && (house is not null || hashprice is not null))
            {
                throw new ArgumentException("--house and --hashprice select the generated core subset; they cannot be combined with --scenario");
            }

            var scenarios = scenarioDirs.Count > 0 ? [.. scenarioDirs.Select(ScenarioLoader.Load)] : ScenarioCatalog.CoreSubset(houses, hashprices);
            if (filter is not null)
            {
                scenarios = [.. scenarios.Where(s => s.Definition.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))];
            }

            if (testDays is { } days)
            {
                scenarios = [.. scenarios.Select(s => s with { Definition = s.Definition with { Test = TimeSpan.FromDays(days) } })];
            }

            if (plant is not null)
            {
                scenarios = [.. scenarios.Select(sc => WithPlant(sc, plant))];
            }

            if (fault)
            {
                scenarios = [.. scenarios.Select(ScenarioCatalog.WithSensorFault)];
            }

            if (export is not null)
            {
                foreach (var scenario in scenarios)
                {
                    ScenarioWriter.Write(scenario, Path.Combine(export, scenario.Definition.Name));
                }

                stderr.WriteLine($"wrote {scenarios.Count} scenario directories under {export}");
                return 0;
            }

            var names = strategies is null
                ? [.. StrategyRegistry.Default.Where(StrategyRegistry.IsAvailable)]
                : strategies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var name in names.Where(n => !StrategyRegistry.IsAvailable(n)))
            {
                throw new ArgumentException($"strategy '{name}' is not available in this build");
            }

            Directory.CreateDirectory(output);
            var registry = new StrategyRegistry(new BaselineTuner(Path.Combine(output, "tuning-cache.json"), stderr.WriteLine), new ComfortSweep(stderr.WriteLine));
            stderr.WriteLine($"PoH-Bench heating: {scenarios.Count} scenarios × {names.Count} strategies ({string.Join(", ", names)}) on {Environment.ProcessorCount} cores");
            var watch = Stopwatch.StartNew();
            if (trace is not null)
            {
                Directory.CreateDirectory(trace);
            }

            if ((reuse is null) != (reuseStrategies is null))
            {
                throw new ArgumentException("--reuse and --reuse-strategies go together");
            }

            var reused = reuseStrategies?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var earlier = reuse is null
                ? null
                : JsonReport.Deserialize(File.ReadAllText(reuse))
                    .Where(r => reused.Contains(r.Strategy, StringComparer.OrdinalIgnoreCase))
                    .Select(r => r with { ReusedFrom = reuse }).ToList();
            var results = BenchSuite.Run(scenarios, names, registry, stderr, trace, earlier);
            var markdown = ResultTable.Markdown(results);
            File.WriteAllText(Path.Combine(output, "results.md"), markdown);
            File.WriteAllText(Path.Combine(output, "results.json"), JsonReport.Serialize(results));
            stdout.WriteLine(markdown);
            stderr.WriteLine($"done in {watch.Elapsed.TotalSeconds:0.0} s; wrote {Path.Combine(output, "results.md")} and results.json");
            return results.Any(r => r.Error is not null) ? 1 : 0;
        }
        catch (Exception e) when (e is ScenarioFormatException or ArgumentException or FormatException or IOException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>The scenario with the plant's emitter exponent and/or hydronic lag set, its name marked.</summary>
    public static Scenario WithPlant(Scenario scenario, string spec)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(spec);
        var d = scenario.Definition;
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            var value = parts.Length == 2 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : throw new ArgumentException($"--plant: '{pair}' is not key=value");
            d = parts[0] switch
            {
                "emitter_exponent" when value is >= 1 and <= 2 => d with { EmitterExponent = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-n{value}") },
                "hydronic_lag_hours" when value is >= 0.05 and <= 10 => d with { HydronicLag = TimeSpan.FromHours(value), Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-lag{value}") },
                "heat_pump_carnot_fraction" when value is >= 0.2 and <= 0.7 => d with { HeatPumpCarnotFraction = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-cop{value}") },
                "boiler_efficiency" when value is >= 0.6 and <= 1.0 => d with { BoilerEfficiency = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-eta{value}") },
                "solar_forecast_shift_hours" when value is >= -6 and <= 6 => d with { SolarForecastShiftHours = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-sun{value:+0.##;-0.##}h") },
                "heat_meter_noise" when value is >= 0 and <= 0.5 => d with { HeatMeterNoise = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-hm{value}") },
                "flow_sensor_noise_k" when value is >= 0 and <= 5 => d with { FlowSensorNoiseKelvin = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-fs{value}") },
                "meter_lag_minutes" when value is >= 0 and <= 60 => d with { MeterLagMinutes = value, Name = d.Name + string.Create(CultureInfo.InvariantCulture, $"-ml{value}") },
                "window_contacts" when value is 0 or 1 => d with { WindowContacts = value > 0, Name = d.Name + (value > 0 ? "-wc" : "") },
                "emitter_exponent" or "hydronic_lag_hours" or "heat_pump_carnot_fraction" or "boiler_efficiency" or "solar_forecast_shift_hours"
                    or "window_contacts" or "heat_meter_noise" or "flow_sensor_noise_k" or "meter_lag_minutes" =>
                    throw new ArgumentException($"--plant: {parts[0]} {value} is out of range (exponent 1–2, lag 0.05–10 h, Carnot fraction 0.2–0.7, boiler efficiency 0.6–1, solar shift −6–6 h, heat meter noise 0–0.5, flow noise 0–5 K, meter lag 0–60 min, window contacts 0 or 1)"),
                _ => throw new ArgumentException($"--plant: unknown key '{parts[0]}'; use emitter_exponent, hydronic_lag_hours, heat_pump_carnot_fraction, boiler_efficiency, solar_forecast_shift_hours, heat_meter_noise, flow_sensor_noise_k, meter_lag_minutes or window_contacts"),
            };
        }

        return scenario with { Definition = d };
    }

    /// <summary>Writes results.md and results.json in <paramref name="output"/> from earlier results.json files, in their order.</summary>
    private static int Report(string files, string output, TextWriter stdout, TextWriter stderr)
    {
        var results = files.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(f => JsonReport.Deserialize(File.ReadAllText(f)))
            .OrderBy(r => r.Scenario, StringComparer.Ordinal)
            .ThenBy(r => StrategyRegistry.Default.ToList().IndexOf(r.Strategy))
            .ToList();
        Directory.CreateDirectory(output);
        var markdown = ResultTable.Markdown(results);
        File.WriteAllText(Path.Combine(output, "results.md"), markdown);
        File.WriteAllText(Path.Combine(output, "results.json"), JsonReport.Serialize(results));
        stdout.WriteLine(markdown);
        stderr.WriteLine($"report from {files}: {results.Count} rows; wrote {Path.Combine(output, "results.md")} and results.json");
        return 0;
    }

    /// <summary>The values an option selects: its default when absent, every allowed value for "all", else the one allowed value it names.</summary>
    private static IReadOnlyList<string> Choose(string option, string? value, IReadOnlyList<string> allowed, string fallback)
    {
        if (value is null)
        {
            return [fallback];
        }

        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return allowed;
        }

        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? [match]
            : throw new ArgumentException($"{option} '{value}' is not allowed; use {string.Join(", ", allowed)} or all");
    }
}
