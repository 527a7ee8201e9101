namespace ProofOfHeat.Control.Optimisation;

/// <summary>The kinds of heat source the planner can dispatch.</summary>
public enum HeatSourceKind
{
    /// <summary>A bitcoin miner: all electricity becomes heat, and it earns the hashprice.</summary>
    Miner,

    /// <summary>An air-to-water heat pump; its levels are thermal watts.</summary>
    HeatPump,

    /// <summary>A gas boiler; its levels are thermal watts.</summary>
    GasBoiler,

    /// <summary>A resistive heater.</summary>
    Resistive,
}
