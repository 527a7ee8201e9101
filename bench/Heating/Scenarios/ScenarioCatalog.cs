using ProofOfHeat.Sim.Heating.Boundary;
using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>
/// Generates the PoH-Bench scenarios: periods P1 (cold snap), P2 (typical), P3 (shoulder with a
/// mild spell), each 7 days of warm-up and 14 of test; tariffs T1–T4; source sets A–E; hashprice
/// low/mid/high; forecast error levels. Each period has its own seed, shared by every tariff and
/// source set, so scenarios of a period see the same weather.
/// </summary>
public static class ScenarioCatalog
{
    public const double FxEurPerUsd = 0.86;

    private static readonly TimeSpan Extra = TimeSpan.FromDays(2);

    public static IReadOnlyList<string> Periods { get; } = ["P1", "P2", "P3"];

    public static IReadOnlyList<TariffKind> CoreTariffs { get; } = [TariffKind.T1, TariffKind.T3];

    public static IReadOnlyList<string> CoreSets { get; } = ["A", "B", "D"];

    public static IReadOnlyList<ForecastErrorLevel> CoreForecasts { get; } = [ForecastErrorLevel.Deterministic, ForecastErrorLevel.Medium];

    /// <summary>The house variants, H-M (the default) first.</summary>
    public static IReadOnlyList<string> Houses { get; } = ["H-M", "H-L", "H-H"];

    /// <summary>The hashprice labels that <see cref="Hashprice"/> knows, mid (the default) in the middle.</summary>
    public static IReadOnlyList<string> HashpriceLabels { get; } = ["low", "mid", "high"];

    /// <summary>
    /// The core subset: P1–P3 × {T1, T3} × {A, B, D} × one hashprice (mid by default) × {deterministic, medium},
    /// on one house. Names carry the hashprice label, and the house when it is not H-M (e.g. <c>-H-L</c>).
    /// </summary>
    public static IReadOnlyList<Scenario> CoreSubset(string house = "H-M", string hashprice = "mid") =>
        [.. from period in Periods
            from tariff in CoreTariffs
            from set in CoreSets
            from forecast in CoreForecasts
            select Create(period, tariff, set, hashprice, forecast, house)];

    /// <summary>The core subset for every combination of the given houses and hashprice labels; names stay unique.</summary>
    public static IReadOnlyList<Scenario> CoreSubset(IEnumerable<string> houses, IEnumerable<string> hashprices)
    {
        ArgumentNullException.ThrowIfNull(houses);
        ArgumentNullException.ThrowIfNull(hashprices);
        var labels = hashprices.ToList();
        return [.. from house in houses
            from hashprice in labels
            from scenario in CoreSubset(house, hashprice)
            select scenario];
    }

    public static double Hashprice(string label) => label switch
    {
        "low" => 0.035,
        "mid" => 0.040,
        "high" => 0.055,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Use low, mid or high."),
    };

    public static HouseParameters House(string name) => name switch
    {
        "H-M" => HouseParameters.Medium,
        "H-L" => HouseParameters.Light,
        "H-H" => HouseParameters.Heavy,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use H-M, H-L or H-H."),
    };

    public static IReadOnlyList<SourceDefinition> SourceSet(string set, string miner = "s21") => set switch
    {
        "A" => [new("miner", PlantSourceKind.Miner, miner), new("heater", PlantSourceKind.Resistive, "standard")],
        "B" => [new("miner", PlantSourceKind.Miner, miner), new("heatpump", PlantSourceKind.HeatPump, "standard")],
        "C" => [new("miner", PlantSourceKind.Miner, miner), new("boiler", PlantSourceKind.GasBoiler, "standard")],
        "D" => [new("miner", PlantSourceKind.Miner, miner), new("heatpump", PlantSourceKind.HeatPump, "standard"), new("boiler", PlantSourceKind.GasBoiler, "standard")],
        "E" => [new("heatpump", PlantSourceKind.HeatPump, "standard")],
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Use A, B, C, D or E."),
    };

    /// <summary>One scenario, generated in memory.</summary>
    public static Scenario Create(string period, TariffKind tariff, string set, string hashprice, ForecastErrorLevel forecast, string house = "H-M", bool sensorFault = false)
    {
        var (start, seed, profile) = PeriodSetup(period);
        var warmUp = TimeSpan.FromDays(7);
        var test = TimeSpan.FromDays(14);
        var length = warmUp + test + Extra;
        var name = $"{period}-{tariff}-{set}-{hashprice}-{Short(forecast)}{(house == "H-M" ? "" : "-" + house)}{(sensorFault ? "-F1" : "")}";
        var definition = new ScenarioDefinition
        {
            Name = name,
            Seed = seed,
            Period = period,
            HouseName = house,
            House = House(house),
            Start = start,
            WarmUp = warmUp,
            Test = test,
            Sources = SourceSet(set),
            SourceSet = set,
            Tariff = tariff.ToString(),
            FxEurPerUsd = FxEurPerUsd,
            HashpriceLabel = hashprice,
            ForecastError = forecast,
            Windows = WindowOpening.Generate(seed, start, length),
            Faults = sensorFault ? [new SensorFault(start + warmUp + TimeSpan.FromDays(3) + TimeSpan.FromHours(22), TimeSpan.FromHours(3))] : [],
        };
        var weather = SyntheticBenchWeather.Generate(seed, start, length, profile);
        var slots = TariffGenerator.Generate(tariff, seed, start, length);
        return new Scenario(definition, weather, slots, [new HashpricePoint(start, Hashprice(hashprice))]);
    }

    /// <summary>The scenario with fault F1: the room sensor silent for 3 h from 22:00 on the 4th test day (the 1st if the test is shorter).</summary>
    public static Scenario WithSensorFault(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var d = scenario.Definition;
        var day = d.Test >= TimeSpan.FromDays(4) ? 3 : 0;
        var fault = new SensorFault(d.TestStart + TimeSpan.FromDays(day) + TimeSpan.FromHours(22), TimeSpan.FromHours(3));
        return scenario with { Definition = d with { Name = d.Name + "-F1", Faults = [.. d.Faults, fault] } };
    }

    private static (DateTimeOffset Start, long Seed, WeatherProfile Profile) PeriodSetup(string period)
    {
        switch (period)
        {
            case "P1":
                var p1 = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);
                // Cold snap: three days at a daily mean of −10 °C from the third test day.
                return (p1, 1001, new WeatherProfile
                {
                    Spells = [new WeatherSpell(p1.AddDays(9), TimeSpan.FromDays(3), -10, TimeSpan.FromHours(18))],
                });
            case "P2":
                return (new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), 1002, new WeatherProfile());
            case "P3":
                var p3 = new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.Zero);
                // Mild spell: three days at a daily mean of +10 °C in the second test week.
                return (p3, 1003, new WeatherProfile
                {
                    Spells = [new WeatherSpell(p3.AddDays(14), TimeSpan.FromDays(3), 10, TimeSpan.FromHours(18))],
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "Use P1, P2 or P3.");
        }
    }

    private static string Short(ForecastErrorLevel level) => level switch
    {
        ForecastErrorLevel.Deterministic => "det",
        ForecastErrorLevel.Low => "low",
        ForecastErrorLevel.Medium => "med",
        _ => "high",
    };
}
