using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Sim.Heating.Boundary;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// Tunes TPI and PID per house by grid search, once per house, and caches the result (in memory
/// and, when a file is given, on disk). The tuning run is P2 (typical), flat tariff T1, set A,
/// deterministic forecast, on that house; the score is net cost + 1 € per K·h of discomfort, so a
/// tuning that saves money by being cold does not win.
/// </summary>
public sealed class BaselineTuner(string? cacheFile = null, Action<string>? log = null)
{
    public const double DiscomfortPenaltyEurPerKh = 1.0;

    public static IReadOnlyList<TpiTuning> TpiGrid { get; } =
        [.. from i in new[] { 0.1, 0.2, 0.3, 0.45, 0.6, 1.0 }
            from e in new[] { 0.01, 0.02, 0.03, 0.05, 0.08, 0.12 }
            select new TpiTuning(i, e)];

    public static IReadOnlyList<PidTuning> PidGrid { get; } =
        [.. from p in new[] { 10.0, 20, 50 }
            from i in new[] { 0.003, 0.01, 0.03, 0.1 }
            from d in new[] { 0.0, 2000 }
            from e in new[] { 1.2, 2.0, 3.0 }
            select new PidTuning(p, i, d, e)];

    private readonly ConcurrentDictionary<string, Lazy<TpiTuning>> _tpi = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<PidTuning>> _pid = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock _fileLock = new();

    public TpiTuning Tpi(string houseName, HouseParameters house) =>
        _tpi.GetOrAdd(Key(houseName, house), key => new Lazy<TpiTuning>(() =>
            Load<TpiTuning>("tpi-v3:" + key) ?? Save("tpi-v3:" + key, Search(house, TpiGrid, t => new TpiStrategy(t), "TPI")))).Value;

    public PidTuning Pid(string houseName, HouseParameters house) =>
        _pid.GetOrAdd(Key(houseName, house), key => new Lazy<PidTuning>(() =>
            Load<PidTuning>("pid-v2:" + key) ?? Save("pid-v2:" + key, Search(house, PidGrid, t => new PidStrategy(t), "PID")))).Value;

    public static Scenario TuningScenario(HouseParameters house)
    {
        var scenario = ScenarioCatalog.Create("P2", TariffKind.T1, "A", "mid", ForecastErrorLevel.Deterministic);
        return scenario with { Definition = scenario.Definition with { House = house, Name = "tuning" } };
    }

    public static double Score(RunKpis kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return kpis.NetCost + (DiscomfortPenaltyEurPerKh * kpis.DiscomfortKh);
    }

    private T Search<T>(HouseParameters house, IReadOnlyList<T> grid, Func<T, Strategies.IHeatingStrategy> create, string label)
    {
        var scenario = TuningScenario(house);
        var scores = new double[grid.Count];
        Parallel.For(0, grid.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            scores[i] = Score(BenchRun.Run(scenario, create(grid[i]))));
        var best = Array.IndexOf(scores, scores.Min());
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"tuned {label}: {grid[best]} (score {scores[best]:0.00} over {grid.Count} candidates)"));
        return grid[best];
    }

    private static string Key(string name, HouseParameters house) => string.Create(CultureInfo.InvariantCulture,
        $"{name}|{house.AirCapacity:0}|{house.MassCapacity:0}|{house.AirToMass:0.###}|{house.AirToOutdoor:0.###}|{house.MassToOutdoor:0.###}");

    private T? Load<T>(string key)
        where T : class
    {
        if (cacheFile is null || !File.Exists(cacheFile))
        {
            return null;
        }

        lock (_fileLock)
        {
            var all = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(cacheFile)) ?? [];
            if (all.TryGetValue(key, out var element))
            {
                var value = element.Deserialize<T>();
                log?.Invoke($"tuning from cache {cacheFile}: {value}");
                return value;
            }

            return null;
        }
    }

    private T Save<T>(string key, T value)
    {
        if (cacheFile is null)
        {
            return value;
        }

        lock (_fileLock)
        {
            var all = File.Exists(cacheFile)
                ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(cacheFile)) ?? []
                : [];
            all[key] = JsonSerializer.SerializeToElement(value);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
            File.WriteAllText(cacheFile, JsonSerializer.Serialize(all, Indented));
        }

        return value;
    }
}
