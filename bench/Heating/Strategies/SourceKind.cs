namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The kinds of heat source in PoH-Bench.</summary>
public enum SourceKind
{
    /// <summary>A bitcoin miner: electricity in, heat and revenue out.</summary>
    Miner,

    /// <summary>An air-to-water heat pump (levels are thermal watts).</summary>
    HeatPump,

    /// <summary>A condensing gas boiler (levels are thermal watts).</summary>
    GasBoiler,

    /// <summary>A resistive electric heater.</summary>
    Resistive,
}
