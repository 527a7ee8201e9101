using System.Globalization;
using System.Text;
using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>Writes a scenario as a directory the loader reads back.</summary>
public static class ScenarioWriter
{
    private const double KilowattHour = 3.6e6;

    public static void Write(Scenario scenario, string directory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ScenarioLoader.YamlFile), Yaml(scenario.Definition));
        File.WriteAllText(Path.Combine(directory, ScenarioLoader.WeatherFile), WeatherCsv(scenario));
        File.WriteAllText(Path.Combine(directory, ScenarioLoader.TariffFile), TariffCsv(scenario));
        File.WriteAllText(Path.Combine(directory, ScenarioLoader.HashpriceFile), HashpriceCsv(scenario));
    }

    public static string Yaml(ScenarioDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var s = new StringBuilder();
        s.AppendLine("# PoH-Bench scenario; format: bench/Heating/README.md");
        Line(s, $"name: {d.Name}");
        Line(s, $"seed: {d.Seed}");
        if (d.Period.Length > 0)
        {
            Line(s, $"period: {d.Period}");
        }

        if (d.HouseName is "H-M" or "H-L" or "H-H")
        {
            Line(s, $"house: {d.HouseName}");
        }
        else
        {
            Line(s, $"house:");
            Line(s, $"  name: {d.HouseName}");
            Line(s, $"  air_capacity_kwh_per_k: {N(d.House.AirCapacity / KilowattHour)}");
            Line(s, $"  mass_capacity_kwh_per_k: {N(d.House.MassCapacity / KilowattHour)}");
            Line(s, $"  air_to_mass_w_per_k: {N(d.House.AirToMass)}");
            Line(s, $"  air_to_outdoor_w_per_k: {N(d.House.AirToOutdoor)}");
            Line(s, $"  mass_to_outdoor_w_per_k: {N(d.House.MassToOutdoor)}");
        }

        Line(s, $"emitter: {d.Emitter}");
        if (d.EmitterExponent is not null || d.HydronicLag is not null || d.HeatPumpCarnotFraction is not null || d.BoilerEfficiency is not null
            || d.SolarForecastShiftHours is not null || d.HeatMeterNoise is not null || d.FlowSensorNoiseKelvin is not null || d.MeterLagMinutes is not null || d.WindowContacts)
        {
            Line(s, "plant:");
            if (d.EmitterExponent is { } exponent)
            {
                Line(s, $"  emitter_exponent: {N(exponent)}");
            }

            if (d.HydronicLag is { } lag)
            {
                Line(s, $"  hydronic_lag_hours: {N(lag.TotalHours)}");
            }

            if (d.HeatPumpCarnotFraction is { } carnot)
            {
                Line(s, $"  heat_pump_carnot_fraction: {N(carnot)}");
            }

            if (d.BoilerEfficiency is { } efficiency)
            {
                Line(s, $"  boiler_efficiency: {N(efficiency)}");
            }

            if (d.SolarForecastShiftHours is { } shift)
            {
                Line(s, $"  solar_forecast_shift_hours: {N(shift)}");
            }

            if (d.WindowContacts)
            {
                Line(s, $"  window_contacts: 1");
            }

            foreach (var (key, value) in new[] { ("heat_meter_noise", d.HeatMeterNoise), ("flow_sensor_noise_k", d.FlowSensorNoiseKelvin), ("meter_lag_minutes", d.MeterLagMinutes) })
            {
                if (value is { } v)
                {
                    Line(s, $"  {key}: {N(v)}");
                }
            }
        }

        Line(s, $"start: {T(d.Start)}");
        Line(s, $"warm_up_days: {N(d.WarmUp.TotalDays)}");
        Line(s, $"test_days: {N(d.Test.TotalDays)}");
        if (d.SourceSet.Length > 0)
        {
            Line(s, $"source_set: {d.SourceSet}");
        }

        Line(s, "sources:");
        foreach (var source in d.Sources)
        {
            Line(s, $"  - id: {source.Id}");
            Line(s, $"    kind: {Kind(source.Kind)}");
            Line(s, $"    model: {source.Model}");
            if (source.RatedWatts is { } rated)
            {
                Line(s, $"    rated_w: {N(rated)}");
            }
        }

        Line(s, "prices:");
        Line(s, $"  tariff: {d.Tariff}");
        Line(s, $"  gas_eur_per_kwh: {N(d.GasEurPerKwh)}");
        Line(s, $"  fx_eur_per_usd: {N(d.FxEurPerUsd)}");
        if (d.HashpriceLabel.Length > 0)
        {
            Line(s, $"  hashprice: {d.HashpriceLabel}");
        }

        Line(s, $"forecast_error: {d.ForecastError.ToString().ToLowerInvariant()}");
        Line(s, "comfort:");
        Line(s, $"  occupied: [{N(d.Comfort.OccupiedLower)}, {N(d.Comfort.OccupiedUpper)}]");
        Line(s, $"  unoccupied: [{N(d.Comfort.UnoccupiedLower)}, {N(d.Comfort.UnoccupiedUpper)}]");
        Line(s, $"  leave_hour: {d.Comfort.LeaveHour}");
        Line(s, $"  return_hour: {d.Comfort.ReturnHour}");
        Line(s, "gains:");
        Line(s, $"  base_w: {N(d.Gains.BaseWatts)}");
        Line(s, $"  evening_w: {N(d.Gains.EveningWatts)}");
        Line(s, $"  evening_hours: [{d.Gains.EveningStartHour}, {d.Gains.EveningEndHour}]");
        Line(s, d.Windows.Count == 0 ? "windows: []" : "windows:");
        foreach (var w in d.Windows)
        {
            Line(s, $"  - {{start: {T(w.Start)}, minutes: {N(w.Length.TotalMinutes)}, extra_w_per_k: {N(w.ExtraConductance)}}}");
        }

        Line(s, d.Faults.Count == 0 ? "faults: []" : "faults:");
        foreach (var f in d.Faults)
        {
            Line(s, $"  - {{kind: sensor_silent, start: {T(f.Start)}, hours: {N(f.Length.TotalHours)}}}");
        }

        return s.ToString();
    }

    private static string WeatherCsv(Scenario scenario)
    {
        var s = new StringBuilder("time,outdoor_c,ghi_w_m2\n");
        var t = scenario.Weather.Temperature;
        var g = scenario.Weather.Irradiance;
        for (var i = 0; i < t.Values.Count; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"{T(t.Start + (t.Interval * i))},{t.Values[i]:0.###},{g.Values[i]:0.#}\n");
        }

        return s.ToString();
    }

    private static string TariffCsv(Scenario scenario)
    {
        var s = new StringBuilder("start,minutes,eur_per_kwh,published\n");
        foreach (var slot in scenario.Tariff)
        {
            s.Append(CultureInfo.InvariantCulture, $"{T(slot.Start)},{slot.Length.TotalMinutes},{slot.EurPerKwh:0.#####},{T(slot.PublishedAt)}\n");
        }

        return s.ToString();
    }

    private static string HashpriceCsv(Scenario scenario)
    {
        var s = new StringBuilder("start,usd_per_th_day\n");
        foreach (var point in scenario.Hashprice)
        {
            s.Append(CultureInfo.InvariantCulture, $"{T(point.Start)},{point.UsdPerThDay:0.#####}\n");
        }

        return s.ToString();
    }

    private static string Kind(PlantSourceKind kind) => kind switch
    {
        PlantSourceKind.Miner => "miner",
        PlantSourceKind.HeatPump => "heat_pump",
        PlantSourceKind.GasBoiler => "gas_boiler",
        _ => "resistive",
    };

    private static void Line(StringBuilder s, string text) => s.Append(text).Append('\n');

    private static string N(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string T(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
