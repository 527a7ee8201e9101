namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>The kinds of heat source the PoH-Bench plant simulates.</summary>
public enum PlantSourceKind
{
    /// <summary>A bitcoin miner with power tiers; all electricity becomes heat in the air.</summary>
    Miner,

    /// <summary>An air-to-water heat pump, modulating, levels in thermal watts.</summary>
    HeatPump,

    /// <summary>A condensing gas boiler, modulating, levels in thermal watts.</summary>
    GasBoiler,

    /// <summary>An on/off resistive heater.</summary>
    Resistive,
}
