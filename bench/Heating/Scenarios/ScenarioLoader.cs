using ProofOfHeat.Sim.Heating.Boundary;
using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.House;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>Reads a scenario directory (scenario.yaml, weather.csv, tariff.csv, hashprice.csv); see bench/Heating/README.md.</summary>
public static class ScenarioLoader
{
    public const string YamlFile = "scenario.yaml";
    public const string WeatherFile = "weather.csv";
    public const string TariffFile = "tariff.csv";
    public const string HashpriceFile = "hashprice.csv";

    private const double KilowattHour = 3.6e6;

    public static Scenario Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ScenarioFormatException($"{directory}: no such scenario directory");
        }

        var definition = ParseDefinition(Path.Combine(directory, YamlFile), ReadText(directory, YamlFile));
        var weather = ScenarioCsv.ParseWeather(Path.Combine(directory, WeatherFile), ReadText(directory, WeatherFile));
        var tariff = ScenarioCsv.ParseTariff(Path.Combine(directory, TariffFile), ReadText(directory, TariffFile));
        var hashprice = ScenarioCsv.ParseHashprice(Path.Combine(directory, HashpriceFile), ReadText(directory, HashpriceFile));
        var scenario = new Scenario(definition, weather, tariff, hashprice);
        CheckCoverage(directory, scenario);
        return scenario;
    }

    public static ScenarioDefinition ParseDefinition(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioFormatException(file, e.Start.Line, $"YAML syntax error: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // Some malformed documents (an unclosed flow list) surface as a state error without a
            // position; the line of the last event the parser read is where to look.
            throw new ScenarioFormatException(file, LastParsedLine(text), $"YAML syntax error near here (check brackets and quotes): {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioFormatException(file, 1, "the file must be a YAML mapping (key: value lines)");
        }

        var map = new YamlMap(file, root);
        map.RejectUnknown("name", "seed", "period", "house", "emitter", "start", "warm_up_days", "test_days", "sources",
            "source_set", "prices", "forecast_error", "comfort", "gains", "windows", "faults", "plant");
        var prices = map.Map("prices");
        prices?.RejectUnknown("tariff", "gas_eur_per_kwh", "fx_eur_per_usd", "hashprice");
        var emitter = map.String("emitter", "radiators");
        if (emitter is not ("radiators" or "underfloor"))
        {
            throw map.Error(map.Node("emitter"), $"emitter '{emitter}' is unknown; use radiators or underfloor");
        }

        var plant = map.Map("plant");
        plant?.RejectUnknown("emitter_exponent", "hydronic_lag_hours", "heat_pump_carnot_fraction", "boiler_efficiency", "solar_forecast_shift_hours",
            "heat_meter_noise", "flow_sensor_noise_k", "meter_lag_minutes", "window_contacts");
        var (houseName, house) = ParseHouse(map);
        var forecast = map.String("forecast_error", "deterministic");
        return new ScenarioDefinition
        {
            Name = map.String("name"),
            Seed = (long)map.Number("seed", 1),
            Period = map.String("period", ""),
            HouseName = houseName,
            House = house,
            Emitter = emitter,
            Start = map.Time("start"),
            WarmUp = TimeSpan.FromDays(map.Number("warm_up_days", 7, 0, 60)),
            Test = TimeSpan.FromDays(map.Number("test_days", 14, 0.01, 366)),
            Sources = ParseSources(map),
            SourceSet = map.String("source_set", ""),
            Tariff = prices?.String("tariff", "custom") ?? "custom",
            GasEurPerKwh = prices?.Number("gas_eur_per_kwh", 0.10, 0, 10) ?? 0.10,
            FxEurPerUsd = prices?.Number("fx_eur_per_usd", 0.86, 0.01, 100) ?? 0.86,
            HashpriceLabel = prices?.String("hashprice", "") ?? "",
            ForecastError = forecast switch
            {
                "deterministic" => ForecastErrorLevel.Deterministic,
                "low" => ForecastErrorLevel.Low,
                "medium" => ForecastErrorLevel.Medium,
                "high" => ForecastErrorLevel.High,
                _ => throw map.Error(map.Node("forecast_error"), $"forecast_error '{forecast}' is unknown; use deterministic, low, medium or high"),
            },
            EmitterExponent = plant is not null && plant.Has("emitter_exponent") ? plant.Number("emitter_exponent", null, 1.0, 2.0) : null,
            HydronicLag = plant is not null && plant.Has("hydronic_lag_hours") ? TimeSpan.FromHours(plant.Number("hydronic_lag_hours", null, 0.05, 10)) : null,
            HeatPumpCarnotFraction = plant is not null && plant.Has("heat_pump_carnot_fraction") ? plant.Number("heat_pump_carnot_fraction", null, 0.2, 0.7) : null,
            BoilerEfficiency = plant is not null && plant.Has("boiler_efficiency") ? plant.Number("boiler_efficiency", null, 0.6, 1.0) : null,
            HeatMeterNoise = plant is not null && plant.Has("heat_meter_noise") ? plant.Number("heat_meter_noise", null, 0, 0.5) : null,
            FlowSensorNoiseKelvin = plant is not null && plant.Has("flow_sensor_noise_k") ? plant.Number("flow_sensor_noise_k", null, 0, 5) : null,
            MeterLagMinutes = plant is not null && plant.Has("meter_lag_minutes") ? plant.Number("meter_lag_minutes", null, 0, 60) : null,
            WindowContacts = plant is not null && plant.Has("window_contacts") && plant.Number("window_contacts", null, 0, 1) > 0,
            SolarForecastShiftHours = plant is not null && plant.Has("solar_forecast_shift_hours") ? plant.Number("solar_forecast_shift_hours", null, -6, 6) : null,
            Comfort = ParseComfort(map.Map("comfort")),
            Gains = ParseGains(map.Map("gains")),
            Windows = [.. map.List("windows").Select(w =>
            {
                w.RejectUnknown("start", "minutes", "extra_w_per_k");
                return new WindowOpening(w.Time("start"), TimeSpan.FromMinutes(w.Number("minutes", 10, 0, 1440)), w.Number("extra_w_per_k", 500, 0, 10000));
            })],
            Faults = [.. map.List("faults").Select(f =>
            {
                f.RejectUnknown("kind", "start", "hours");
                var kind = f.String("kind", "sensor_silent");
                return kind == "sensor_silent"
                    ? new SensorFault(f.Time("start"), TimeSpan.FromHours(f.Number("hours", 3, 0, 1000)))
                    : throw f.Error(f.Node("kind"), $"fault kind '{kind}' is unknown; use sensor_silent");
            })],
        };
    }

    private static long LastParsedLine(string text)
    {
        var parser = new Parser(new StringReader(text));
        long line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = parser.Current?.Start.Line ?? line;
            }
        }
        catch (YamlException e)
        {
            return e.Start.Line;
        }
        catch (InvalidOperationException)
        {
            return line;
        }

        return line;
    }

    private static (string Name, HouseParameters House) ParseHouse(YamlMap map)
    {
        var node = map.Node("house");
        if (node is null or YamlScalarNode)
        {
            var name = map.String("house", "H-M");
            return name switch
            {
                "H-M" => (name, HouseParameters.Medium),
                "H-L" => (name, HouseParameters.Light),
                "H-H" => (name, HouseParameters.Heavy),
                _ => throw map.Error(node, $"house '{name}' is unknown; use H-M, H-L, H-H or a mapping of parameters"),
            };
        }

        var house = map.Map("house")!;
        house.RejectUnknown("name", "air_capacity_kwh_per_k", "mass_capacity_kwh_per_k", "air_to_mass_w_per_k", "air_to_outdoor_w_per_k", "mass_to_outdoor_w_per_k");
        return (house.String("name", "custom"), new HouseParameters
        {
            AirCapacity = house.Number("air_capacity_kwh_per_k", null, 0.01, 1000) * KilowattHour,
            MassCapacity = house.Number("mass_capacity_kwh_per_k", null, 0.01, 1000) * KilowattHour,
            AirToMass = house.Number("air_to_mass_w_per_k", null, 1, 1e6),
            AirToOutdoor = house.Number("air_to_outdoor_w_per_k", null, 0, 1e5),
            MassToOutdoor = house.Number("mass_to_outdoor_w_per_k", null, 0, 1e5),
        });
    }

    private static List<SourceDefinition> ParseSources(YamlMap map)
    {
        var items = map.List("sources");
        if (items.Count == 0)
        {
            throw map.Error(map.Node("sources"), "'sources' must list at least one heat source");
        }

        var result = new List<SourceDefinition>();
        foreach (var item in items)
        {
            item.RejectUnknown("id", "kind", "model", "rated_w");
            var id = item.String("id");
            if (result.Any(s => s.Id == id))
            {
                throw item.Error(item.Node("id"), $"source id '{id}' is used twice; ids must be unique");
            }

            var kindText = item.String("kind");
            var kind = kindText switch
            {
                "miner" => PlantSourceKind.Miner,
                "heat_pump" => PlantSourceKind.HeatPump,
                "gas_boiler" => PlantSourceKind.GasBoiler,
                "resistive" => PlantSourceKind.Resistive,
                _ => throw item.Error(item.Node("kind"), $"source kind '{kindText}' is unknown; use miner, heat_pump, gas_boiler or resistive"),
            };
            var model = item.String("model", kind == PlantSourceKind.Miner ? "s21" : "standard");
            if (kind == PlantSourceKind.Miner ? model is not ("s21" or "s19") : model != "standard")
            {
                throw item.Error(item.Node("model"), kind == PlantSourceKind.Miner ? $"miner model '{model}' is unknown; use s21 or s19" : $"model '{model}' is unknown; use standard");
            }

            double? rated = item.Has("rated_w") ? item.Number("rated_w", null, 1, 1e6) : null;
            result.Add(new SourceDefinition(id, kind, model, rated));
        }

        return result;
    }

    private static ComfortSchedule ParseComfort(YamlMap? map)
    {
        if (map is null)
        {
            return ComfortSchedule.Residential;
        }

        map.RejectUnknown("occupied", "unoccupied", "leave_hour", "return_hour");
        var occupied = map.Pair("occupied", (21, 24));
        var unoccupied = map.Pair("unoccupied", (15, 30));
        if (occupied.A >= occupied.B || unoccupied.A >= unoccupied.B)
        {
            throw map.Error(null, "comfort bands must be [lower, upper] with lower < upper");
        }

        return new ComfortSchedule
        {
            OccupiedLower = occupied.A,
            OccupiedUpper = occupied.B,
            UnoccupiedLower = unoccupied.A,
            UnoccupiedUpper = unoccupied.B,
            LeaveHour = (int)map.Number("leave_hour", 8, 0, 24),
            ReturnHour = (int)map.Number("return_hour", 20, 0, 24),
        };
    }

    private static InternalGains ParseGains(YamlMap? map)
    {
        if (map is null)
        {
            return new InternalGains();
        }

        map.RejectUnknown("base_w", "evening_w", "evening_hours");
        var hours = map.Pair("evening_hours", (17, 22));
        return new InternalGains(map.Number("base_w", 300, 0, 1e5), map.Number("evening_w", 200, 0, 1e5), (int)hours.A, (int)hours.B);
    }

    private static string ReadText(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllText(path) : throw new ScenarioFormatException(path, 0, $"missing file; a scenario directory needs {YamlFile}, {WeatherFile}, {TariffFile} and {HashpriceFile}");
    }

    private static void CheckCoverage(string directory, Scenario scenario)
    {
        var d = scenario.Definition;
        var end = d.TestEnd;
        if (scenario.Weather.Temperature.Start > d.Start || scenario.Weather.Temperature.End < end)
        {
            throw new ScenarioFormatException(Path.Combine(directory, WeatherFile), 2, $"the weather must cover {d.Start:O} to {end:O} (warm-up and test period)");
        }

        if (scenario.Tariff[0].Start > d.Start || scenario.Tariff[^1].End < end)
        {
            throw new ScenarioFormatException(Path.Combine(directory, TariffFile), 2, $"the tariff must cover {d.Start:O} to {end:O}");
        }

        if (scenario.Hashprice[0].Start > d.Start)
        {
            throw new ScenarioFormatException(Path.Combine(directory, HashpriceFile), 2, $"the first hashprice must start at or before {d.Start:O}");
        }
    }
}
