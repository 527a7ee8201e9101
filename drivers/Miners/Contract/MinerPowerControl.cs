namespace ProofOfHeat.Drivers.Miners;

/// <summary>How a miner's power can be set.</summary>
public enum MinerPowerControl
{
    /// <summary>Only on/sleep.</summary>
    None,

    /// <summary>Named tiers or modes (stock Antminer modes, Avalon work levels, VNish presets, LuxOS profiles).</summary>
    Tiers,

    /// <summary>Any target in watts within a range (BOS+, Whatsminer power limit).</summary>
    Continuous,
}
