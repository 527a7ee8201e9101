namespace ProofOfHeat.Drivers.Miners;

/// <summary>A power tier or mode a miner offers.</summary>
/// <param name="Name">The firmware's name for it (e.g. "low-power", "1", "2400W").</param>
/// <param name="Watts">Its approximate power, W.</param>
public sealed record MinerPowerTier(string Name, int Watts);
