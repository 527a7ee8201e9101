namespace ProofOfHeat.Drivers.Miners;

/// <summary>The kinds of change a miner may be asked for.</summary>
public enum MinerCommandKind
{
    /// <summary>Stop hashing.</summary>
    Sleep,

    /// <summary>Resume hashing.</summary>
    Wake,

    /// <summary>Set a power target in watts.</summary>
    SetPower,

    /// <summary>Set a named tier or mode.</summary>
    SetTier,
}
