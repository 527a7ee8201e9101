namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>
/// A condensing gas boiler: levels are thermal watts, modulating from its minimum; efficiency
/// 0.92 while the return water is below 50 °C (condensing), else 0.87. The heat it makes is
/// limited by what the emitters take.
/// </summary>
public sealed class GasBoilerSource : PlantSource
{
    /// <summary>Creates the boiler.</summary>
    public GasBoilerSource(string id, double maximumThermalWatts, double minimumModulation, TimeSpan minimumOnOff)
        : base(id, [0, maximumThermalWatts * minimumModulation, maximumThermalWatts], modulating: true, minimumOnOff, minimumOnOff)
    {
    }

    /// <summary>The PoH-Bench boiler: 24 kW, 25 % minimum modulation, 5 min minimum on/off (anti-cycling).</summary>
    public static GasBoilerSource Standard(string id) => new(id, 24000, 0.25, TimeSpan.FromMinutes(5));

    /// <inheritdoc />
    public override PlantSourceKind Kind => PlantSourceKind.GasBoiler;

    /// <inheritdoc />
    public override bool Hydronic => true;

    /// <summary>Flow minus return temperature, K.</summary>
    public double FlowReturnDifference { get; init; } = 5;

    /// <summary>Highest flow temperature, °C.</summary>
    public double MaximumFlowTemperature { get; init; } = 75;

    /// <summary>Efficiency while condensing (return below 50 °C), on the lower heating value; the bench's default 0.92.</summary>
    public double CondensingEfficiency { get; init; } = 0.92;

    /// <summary>Efficiency with the return at or above 50 °C: 5 points below the condensing one (0.87 by default).</summary>
    public double NonCondensingEfficiency => CondensingEfficiency - 0.05;

    /// <summary>Efficiency (on the lower heating value) at a return temperature.</summary>
    public double Efficiency(double returnTemperature) => returnTemperature < 50 ? CondensingEfficiency : NonCondensingEfficiency;

    /// <inheritdoc />
    public override SourceOutput Produce(SourceConditions conditions)
    {
        if (!Running)
        {
            return default;
        }

        var heat = Math.Min(Level, Math.Max(0, conditions.EmitterCapacityWatts));
        var efficiency = Efficiency(conditions.FlowTemperature - FlowReturnDifference);
        return new SourceOutput(heat, 0, heat / efficiency, 0);
    }
}
