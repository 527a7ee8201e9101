namespace ProofOfHeat.Apps.Miners.Entities;

/// <summary>Which of a miner's entities a command came from.</summary>
public enum MinerEntityCommandKind
{
    /// <summary>The active switch: on wakes, off sleeps.</summary>
    Active,

    /// <summary>The power-limit number, W.</summary>
    PowerLimit,

    /// <summary>The mode select (a tier).</summary>
    Mode,
}
