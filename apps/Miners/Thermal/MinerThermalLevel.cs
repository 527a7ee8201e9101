namespace ProofOfHeat.Apps.Miners.Thermal;

/// <summary>How far overheat protection has gone with a miner.</summary>
public enum MinerThermalLevel
{
    /// <summary>Not holding the miner back.</summary>
    Normal,

    /// <summary>Power stepped down and capped.</summary>
    Throttled,

    /// <summary>Put to sleep, and kept asleep until it cools.</summary>
    Sleeping,
}
