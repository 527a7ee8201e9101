namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>How an API v2 driver carries out a power target (MicroBT's WhatsMiner API V2.0.5; user reports on hass-miner and pyasic).</summary>
public enum WhatsminerV2PowerMethod
{
    /// <summary><c>adjust_power_limit</c>: kept across restarts, but the miner restarts to apply it (minutes).</summary>
    Limit,

    /// <summary><c>set_power_pct</c>: a temporary cut below the limit that applies in seconds without a restart and is lost on restart.</summary>
    Percent,
}
