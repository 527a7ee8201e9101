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

    /// <summary>First instant of the test period.</summary>
    public DateTimeOffset TestStart => Start + WarmUp;

    /// <summary>End of the test period.</summary>
    public DateTimeOffset TestEnd => Start + WarmUp + Test;
}
