namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>Which API the simulated firmware has (MicroBT's WhatsMiner API documents).</summary>
public enum WhatsminerApiGeneration
{
    /// <summary>Firmware up to 2024-11: API v2 on the RPC port, reads and encrypted writes; no v3 port.</summary>
    V2,

    /// <summary>Firmware from 2024-12: API v3 on the v3 port; the RPC port still answers reads but refuses v2 writes.</summary>
    V3,
}
