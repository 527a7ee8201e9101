using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Sim.Heating.Boundary;
using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Bench.Heating.Tests;

/// <summary>The plant options for the heat pump's COP law, the boiler's efficiency, solar forecast timing and the hydronic meters.</summary>
public sealed class PlantRealityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "poh-bench-reality-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static Scenario Short(string set = "B")
    {
        var s = ScenarioCatalog.Create("P2", TariffKind.T3, set, "mid", ForecastErrorLevel.Deterministic);
        return s with { Definition = s.Definition with { WarmUp = TimeSpan.FromDays(1), Test = TimeSpan.FromDays(1) } };
    }

    [Fact]
    public void The_options_mark_the_name_and_round_trip_through_the_scenario_files()
    {
        var scenario = BenchProgram.WithPlant(Short(),
            "heat_pump_carnot_fraction=0.38,boiler_efficiency=0.82,solar_forecast_shift_hours=2,heat_meter_noise=0.15,flow_sensor_noise_k=1.5,meter_lag_minutes=10");
        Assert.Equal("P2-T3-B-mid-det-cop0.38-eta0.82-sun+2h-hm0.15-fs1.5-ml10", scenario.Definition.Name);
        ScenarioWriter.Write(scenario, _dir);
        var loaded = ScenarioLoader.Load(_dir).Definition;
        Assert.Equal(0.38, loaded.HeatPumpCarnotFraction);
        Assert.Equal(0.82, loaded.BoilerEfficiency);
        Assert.Equal(2, loaded.SolarForecastShiftHours);
        Assert.Equal(0.15, loaded.HeatMeterNoise);
        Assert.Equal(1.5, loaded.FlowSensorNoiseKelvin);
        Assert.Equal(10, loaded.MeterLagMinutes);
        Assert.Throws<ArgumentException>(() => BenchProgram.WithPlant(Short(), "heat_pump_carnot_fraction=0.9"));
        Assert.Throws<ArgumentException>(() => BenchProgram.WithPlant(Short(), "boiler_efficiency=1.2"));
    }

    [Fact]
    public void A_worse_heat_pump_draws_more_electricity_for_the_same_controller()
    {
        // Set E: the heat pump alone. At 0.38 of Carnot instead of 0.45 each kWh of heat costs more electricity.
        var stock = BenchRun.Run(Short("E"), new HystStrategy());
        var worse = BenchRun.Run(BenchProgram.WithPlant(Short("E"), "heat_pump_carnot_fraction=0.38"), new HystStrategy());
        Assert.True(worse.ElectricKwh > stock.ElectricKwh, $"{worse.ElectricKwh} kWh against {stock.ElectricKwh} kWh");
    }

    [Fact]
    public void A_worse_boiler_burns_more_gas_for_its_heat()
    {
        var source = new SourceDefinition("gas", PlantSourceKind.GasBoiler, "standard");
        var stock = (GasBoilerSource)source.Build();
        var worse = (GasBoilerSource)source.Build(new PlantReality(null, 0.82));
        Assert.Equal(0.92, stock.Efficiency(40));
        Assert.Equal(0.87, stock.Efficiency(55), 9);
        Assert.Equal(0.82, worse.Efficiency(40));
        Assert.Equal(0.77, worse.Efficiency(55), 9);
    }

    [Fact]
    public void The_solar_forecast_shows_the_sun_later_by_the_shift()
    {
        var stock = Short();
        var shifted = BenchProgram.WithPlant(Short(), "solar_forecast_shift_hours=2");
        var now = stock.Definition.TestStart;
        var plain = new ObservationBuilder(stock).Forecast(now);
        var late = new ObservationBuilder(shifted).Forecast(now);
        // Deterministic forecasts: the shifted one at hour h is the true irradiance of h − 2 h, i.e. the plain one two points earlier.
        for (var i = 2; i < late.Count; i++)
        {
            Assert.Equal(plain[i - 2].SolarIrradiance, late[i].SolarIrradiance, 9);
        }

        Assert.Contains(late.Zip(plain), p => Math.Abs(p.First.SolarIrradiance - p.Second.SolarIrradiance) > 50);
    }

    [Fact]
    public void The_meters_report_the_truth_without_options_and_a_lagged_noisy_reading_with_them()
    {
        var exact = new HydronicMeters(0, 0, 0, seed: 1);
        Assert.Equal((5000.0, 45.0), exact.Read(5000, 45));
        Assert.Equal((null, null), exact.Read(null, null));

        var lagged = new HydronicMeters(0, 0, 10, seed: 1);
        Assert.Equal((0.0, 30.0), lagged.Read(0, 30));
        var (heat, flow) = lagged.Read(6000, 50);
        // One minute of a 10-min first-order lag: 1 − e^(−0.1) ≈ 9.5 % of the step.
        Assert.Equal(6000 * (1 - Math.Exp(-0.1)), heat!.Value, 6);
        Assert.Equal(30 + (20 * (1 - Math.Exp(-0.1))), flow!.Value, 6);

        var noisy = new HydronicMeters(0.15, 1.5, 0, seed: 1);
        var readings = Enumerable.Range(0, 2000).Select(_ => noisy.Read(5000, 45)).ToList();
        var heats = readings.Select(r => r.Heat!.Value).ToList();
        var flows = readings.Select(r => r.Flow!.Value).ToList();
        Assert.InRange(heats.Average(), 4900, 5100);
        Assert.InRange(Std(heats), 0.12 * 5000, 0.18 * 5000);
        Assert.InRange(Std(flows), 1.2, 1.8);
    }

    private static double Std(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
