namespace ProofOfHeat.Sim.Heating;

/// <summary>The house-side constants of the PoH-Bench plant (bench/Heating/README.md, The plant).</summary>
public sealed record PlantOptions
{
    /// <summary>Effective solar aperture g·A_win, m²: 0.5 × 12 m²; the gain goes to the air node.</summary>
    public double SolarAperture { get; init; } = 6;

    /// <summary>Radiator UA_emitter, W/K^1.3: delivered ≤ UA·(T_mean − T_air)^1.3.</summary>
    public double EmitterConductance { get; init; } = 100;

    /// <summary>Radiator exponent.</summary>
    public double EmitterExponent { get; init; } = 1.3;

    /// <summary>Mean water temperature below the flow temperature, K (half the flow/return difference).</summary>
    public double EmitterMeanDrop { get; init; } = 2.5;

    /// <summary>Hydronic delivery time constant: 0.5 h radiators, 2.5 h underfloor.</summary>
    public TimeSpan HydronicTimeConstant { get; init; } = TimeSpan.FromHours(0.5);

    /// <summary>Share of hydronic heat that goes to the mass node (0 radiators, 0.7 underfloor).</summary>
    public double HydronicShareToMass { get; init; }

    /// <summary>The curve used when a command gives no flow temperature.</summary>
    public HeatingCurve DefaultCurve { get; init; } = new();

    /// <summary>The room setpoint the default curve is built on, °C.</summary>
    public double CurveRoomSetpoint { get; init; } = 21;

    /// <summary>Radiators (the default).</summary>
    public static PlantOptions Radiators { get; } = new();

    /// <summary>Underfloor heating: slower, mostly into the slab, a flatter curve.</summary>
    public static PlantOptions Underfloor { get; } = new()
    {
        HydronicTimeConstant = TimeSpan.FromHours(2.5),
        HydronicShareToMass = 0.7,
        DefaultCurve = new HeatingCurve(Slope: 0.5, Maximum: 45),
        EmitterConductance = 250,
    };

    /// <summary>The most heat the emitters take at a flow temperature and room temperature, W.</summary>
    public double EmitterCapacity(double flowTemperature, double roomTemperature)
    {
        var difference = flowTemperature - EmitterMeanDrop - roomTemperature;
        return difference <= 0 ? 0 : EmitterConductance * Math.Pow(difference, EmitterExponent);
    }
}
