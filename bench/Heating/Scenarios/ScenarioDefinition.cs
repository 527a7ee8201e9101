using ProofOfHeat.Sim.Heating.Boundary;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>Everything in a scenario's <c>scenario.yaml</c>.</summary>
public sealed record ScenarioDefinition
{
    public required string Name { get; init; }
    public long Seed { get; init; } = 1;
    public string HouseName { get; init; } = "H-M";
    public required HouseParameters House { get; init; }
    public string Emitter { get; init; } = "radiators";
    public required DateTimeOffset Start { get; init; }
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan Test { get; init; } = TimeSpan.FromDays(14);
    public required IReadOnlyList<SourceDefinition> Sources { get; init; }
    public string Tariff { get; init; } = "custom";
    public double GasEurPerKwh { get; init; } = 0.10;
    public double FxEurPerUsd { get; init; } = 0.86;
    public ForecastErrorLevel ForecastError { get; init; } = ForecastErrorLevel.Deterministic;
    public ComfortSchedule Comfort { get; init; } = ComfortSchedule.Residential;
    public InternalGains Gains { get; init; } = new();
    public IReadOnlyList<WindowOpening> Windows { get; init; } = [];
    public IReadOnlyList<SensorFault> Faults { get; init; } = [];
    public string Period { get; init; } = "";
    public string SourceSet { get; init; } = "";
    public string HashpriceLabel { get; init; } = "";

    /// <summary>The plant's emitter exponent when it differs from the 1.3 the planner assumes (scenario option <c>plant.emitter_exponent</c>).</summary>
    public double? EmitterExponent { get; init; }

    /// <summary>The plant's hydronic delivery lag when it differs from the emitter's default (<c>plant.hydronic_lag_hours</c>).</summary>
    public TimeSpan? HydronicLag { get; init; }

    /// <summary>The plant heat pump's fraction of Carnot when it differs from the 0.45 the planner assumes (<c>plant.heat_pump_carnot_fraction</c>).</summary>
    public double? HeatPumpCarnotFraction { get; init; }

    /// <summary>The plant boiler's condensing efficiency when it differs from the planner's 0.92 (<c>plant.boiler_efficiency</c>).</summary>
    public double? BoilerEfficiency { get; init; }

    /// <summary>Hours by which the solar forecast's timing is wrong: it shows the sun this much later (+) or earlier (−) than it comes (<c>plant.solar_forecast_shift_hours</c>).</summary>
    public double? SolarForecastShiftHours { get; init; }

    /// <summary>Relative σ of the hydronic heat meter's noise (<c>plant.heat_meter_noise</c>, 0.1 = 10 %).</summary>
    public double? HeatMeterNoise { get; init; }

    /// <summary>σ of the flow temperature sensor's noise, K (<c>plant.flow_sensor_noise_k</c>).</summary>
    public double? FlowSensorNoiseKelvin { get; init; }

    /// <summary>First-order lag of the heat meter and flow sensor, minutes (<c>plant.meter_lag_minutes</c>).</summary>
    public double? MeterLagMinutes { get; init; }

    /// <summary>Whether the house has window contact sensors the controller sees (<c>plant.window_contacts</c>).</summary>
    public bool WindowContacts { get; init; }

    /// <summary>The source physics of the plant, for <see cref="SourceDefinition.Build"/>.</summary>
    public PlantReality Reality => new(HeatPumpCarnotFraction, BoilerEfficiency);

    /// <summary>First instant of the test period.</summary>
    public DateTimeOffset TestStart => Start + WarmUp;

    /// <summary>End of the test period.</summary>
    public DateTimeOffset TestEnd => Start + WarmUp + Test;
}
