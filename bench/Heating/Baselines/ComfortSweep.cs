using System.Collections.Concurrent;
using System.Globalization;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// The comfort sweep behind the equal-comfort headline (bench/Heating/README.md, Equal comfort). For each scenario
/// it runs every configuration of HYST, TPI and PRICE-RULE on held-out days of the same house, source set, tariff
/// and hashprice (the last days of the scenario's warm-up, which are never scored) and keeps, per family, the
/// cheapest configuration whose discomfort there stays within <see cref="TuningLimitKhPerDay"/>. Nothing about the
/// scored days is used. Baselines read no forecast, so scenarios that differ only in forecast error share a tuning.
/// </summary>
public sealed class ComfortSweep(Action<string>? log = null)
{
    /// <summary>The comfort limit of the headline: a baseline qualifies as a reference with ≤ 0.5 K·h/day on the scored days.</summary>
    public const double ComfortLimitKhPerDay = 0.5;

    /// <summary>The limit on the held-out days: half the headline's, the margin a user keeps because other days differ.</summary>
    public const double TuningLimitKhPerDay = 0.25;

    /// <summary>Warm-up kept in front of the held-out days (under HYST, as in every run).</summary>
    public static readonly TimeSpan HeldOutWarmUp = TimeSpan.FromDays(2);

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, SweepChoice>>> _cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Families { get; } = ["HYST", "TPI", "PRICE-RULE"];

    public static IReadOnlyList<double> OffsetsK { get; } = [0.1, 0.3, 0.6, 1.0];

    public static IReadOnlyList<int> LeadMinutes { get; } = [0, 30, 60, 90, 120];

    /// <summary>VTherm's defaults, the stock tuned point, and a stronger outdoor term.</summary>
    public static IReadOnlyList<TpiTuning> TpiCoefficients { get; } = [new(0.6, 0.01), new(0.2, 0.05), new(0.3, 0.1)];

    /// <summary>Every configuration of <paramref name="family"/>; PRICE-RULE always orders by cost, by its definition.</summary>
    public static IReadOnlyList<SweepPoint> Grid(string family) =>
        [.. from offset in OffsetsK
            from lead in LeadMinutes
            from costOrder in family == "PRICE-RULE" ? CostOrderOnly : BothOrders
            from tpi in family == "HYST" ? NoTpi : TpiCoefficients.Cast<TpiTuning?>()
            select new SweepPoint(family, offset, TimeSpan.FromMinutes(lead), costOrder, tpi)];

    private static readonly bool[] CostOrderOnly = [true];
    private static readonly bool[] BothOrders = [false, true];
    private static readonly TpiTuning?[] NoTpi = [null];

    /// <summary>The held-out days of <paramref name="scenario"/>: its warm-up after the first two days, with no faults.</summary>
    public static Scenario HeldOut(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var d = scenario.Definition;
        if (d.WarmUp < HeldOutWarmUp + TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"scenario {d.Name}: the comfort sweep needs a warm-up of at least 3 days for its held-out days");
        }

        return scenario with { Definition = d with { Name = d.Name + "-held-out", WarmUp = HeldOutWarmUp, Test = d.WarmUp - HeldOutWarmUp, Faults = [] } };
    }

    /// <summary>Picks the cheapest qualifying point, or the most comfortable one when none qualifies.</summary>
    public static SweepChoice Pick(IReadOnlyList<(SweepPoint Point, RunKpis Kpis)> tried)
    {
        ArgumentNullException.ThrowIfNull(tried);
        var ok = tried.Where(t => t.Kpis.Error is null).ToList();
        if (ok.Count == 0)
        {
            throw new InvalidOperationException("every configuration of the sweep failed: " + (tried.Count > 0 ? tried[0].Kpis.Error : "none tried"));
        }

        var qualified = ok.Where(t => t.Kpis.DiscomfortPerDay <= TuningLimitKhPerDay).ToList();
        var (point, kpis) = qualified.Count > 0 ? qualified.MinBy(t => t.Kpis.NetCost) : ok.MinBy(t => t.Kpis.DiscomfortPerDay);
        return new SweepChoice(point, kpis.NetCost, kpis.DiscomfortPerDay, qualified.Count > 0, tried.Count);
    }

    /// <summary>The chosen configuration of <paramref name="family"/> for <paramref name="scenario"/> (tuned once per key).</summary>
    public SweepChoice Choose(Scenario scenario, string family) => Tune(scenario)[family];

    /// <summary>Runs the whole sweep on the held-out days of <paramref name="scenario"/>, once per tuning key.</summary>
    public IReadOnlyDictionary<string, SweepChoice> Tune(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _cache.GetOrAdd(Key(scenario), _ => new Lazy<IReadOnlyDictionary<string, SweepChoice>>(() => Search(scenario))).Value;
    }

    private Dictionary<string, SweepChoice> Search(Scenario scenario)
    {
        var heldOut = HeldOut(scenario);
        var points = Families.SelectMany(Grid).ToList();
        var results = new RunKpis[points.Count];
        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                results[i] = BenchRun.Run(heldOut, points[i].Create());
            }
#pragma warning disable CA1031 // a failing configuration is reported and skipped, not fatal to the sweep
            catch (Exception e)
#pragma warning restore CA1031
            {
                results[i] = new RunKpis { Scenario = heldOut.Definition.Name, Strategy = points[i].StrategyName, Error = e.Message };
            }
        });
        var choices = new Dictionary<string, SweepChoice>(StringComparer.Ordinal);
        foreach (var family in Families)
        {
            var tried = points.Select((p, i) => (p, results[i])).Where(t => t.p.Family == family).ToList();
            var choice = Pick(tried);
            choices[family] = choice;
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"sweep {scenario.Definition.Name} {family}: {choice.Point.Label} — held-out {choice.HeldOutNetCost:0.00} € at {choice.HeldOutKhPerDay:0.00} K·h/day{(choice.Qualified ? "" : " (none within the limit: the most comfortable)")}, {choice.Candidates} tried"));
        }

        return choices;
    }

    /// <summary>What the held-out days depend on: house, emitters, sources, tariff, prices, weather; not the forecast error.</summary>
    public static string Key(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var d = scenario.Definition;
        var weather = 0.0;
        var prices = 0.0;
        for (var t = d.Start; t < d.TestStart; t += TimeSpan.FromHours(1))
        {
            weather += scenario.Weather.Temperature.At(t) + scenario.Weather.Irradiance.At(t);
            prices += scenario.PriceAt(t);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{d.HouseName}|{d.House}|{d.Emitter}|{d.Start:O}|{d.WarmUp}|{string.Join(';', d.Sources)}|{d.Tariff}|{d.GasEurPerKwh}|{d.FxEurPerUsd}|{scenario.HashpriceUsdAt(d.Start)}|{weather:0.###}|{prices:0.#####}|{d.Windows.Count}|{d.Seed}");
    }
}
