namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>What a heat source is physically, for the optimiser's economics.</summary>
public enum HeatSourceType
{
    /// <summary>Electric heat, 1 kWh of heat per kWh (the default).</summary>
    Resistive,

    /// <summary>A miner: electric heat that also earns the hashprice.</summary>
    Miner,

    /// <summary>An air-to-water heat pump: heat = electricity × COP; its power levels are heat output.</summary>
    HeatPump,

    /// <summary>A gas boiler: heat = gas × efficiency; its power levels are heat output.</summary>
    GasBoiler,
}
