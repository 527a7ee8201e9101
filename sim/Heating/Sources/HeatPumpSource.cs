namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>
/// An air-to-water heat pump: levels are thermal watts, modulating between the minimum and the
/// maximum; COP = η_Carnot·T_flow/(T_flow − T_out) in kelvin, capped, with a defrost penalty
/// between −5 and +5 °C outdoors. The heat it makes is limited by what the emitters take.
/// </summary>
public sealed class HeatPumpSource : PlantSource
{
    private const double Kelvin = 273.15;

    /// <summary>Creates the heat pump.</summary>
    public HeatPumpSource(string id, double maximumThermalWatts, double minimumModulation, TimeSpan minimumOn, TimeSpan minimumOff)
        : base(id, [0, maximumThermalWatts * minimumModulation, maximumThermalWatts], modulating: true, minimumOn, minimumOff)
    {
    }

    /// <summary>The PoH-Bench heat pump: 8 kW thermal, 30 % minimum modulation, 20 min minimum run, 10 min minimum off.</summary>
    public static HeatPumpSource Standard(string id) => new(id, 8000, 0.30, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10));

    /// <inheritdoc />
    public override PlantSourceKind Kind => PlantSourceKind.HeatPump;

    /// <inheritdoc />
    public override bool Hydronic => true;

    /// <summary>Fraction of the Carnot COP reached.</summary>
    public double CarnotFraction { get; init; } = 0.45;

    /// <summary>Upper limit of the COP.</summary>
    public double MaximumCop { get; init; } = 6;

    /// <summary>COP factor while defrosting (−5 °C &lt; T_out &lt; 5 °C).</summary>
    public double DefrostFactor { get; init; } = 0.9;

    /// <summary>Highest flow temperature the heat pump can make, °C.</summary>
    public double MaximumFlowTemperature { get; init; } = 55;

    /// <summary>The COP at a flow and outdoor temperature.</summary>
    public double Cop(double flowTemperature, double outdoorTemperature)
    {
        var lift = flowTemperature - outdoorTemperature;
        var cop = lift <= 0 ? MaximumCop : Math.Min(MaximumCop, CarnotFraction * (flowTemperature + Kelvin) / lift);
        if (outdoorTemperature is > -5 and < 5)
        {
            cop *= DefrostFactor;
        }

        return Math.Max(1, cop);
    }

    /// <inheritdoc />
    public override SourceOutput Produce(SourceConditions conditions)
    {
        if (!Running)
        {
            return default;
        }

        var heat = Math.Min(Level, Math.Max(0, conditions.EmitterCapacityWatts));
        var cop = Cop(conditions.FlowTemperature, conditions.OutdoorTemperature);
        return new SourceOutput(heat, heat / cop, 0, 0);
    }
}
