namespace ProofOfHeat.Drivers.Miners;

/// <summary>A change asked of a miner.</summary>
public sealed record MinerCommand
{
    private MinerCommand(MinerCommandKind kind, int? watts, string? tier)
    {
        Kind = kind;
        Watts = watts;
        Tier = tier;
    }

    /// <summary>What is asked.</summary>
    public MinerCommandKind Kind { get; }

    /// <summary>The power target, W, for <see cref="MinerCommandKind.SetPower"/>.</summary>
    public int? Watts { get; }

    /// <summary>The tier name for <see cref="MinerCommandKind.SetTier"/>.</summary>
    public string? Tier { get; }

    /// <summary>Stop hashing, stay reachable.</summary>
    public static MinerCommand Sleep { get; } = new(MinerCommandKind.Sleep, null, null);

    /// <summary>Resume hashing at the current target.</summary>
    public static MinerCommand Wake { get; } = new(MinerCommandKind.Wake, null, null);

    /// <summary>
    /// Run at about <paramref name="watts"/>: a continuous miner takes it within its range; a tiered
    /// miner takes the highest tier not above it (the lowest tier when all are above). Wakes a sleeping miner.
    /// </summary>
    public static MinerCommand SetPower(int watts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(watts);
        return new(MinerCommandKind.SetPower, watts, null);
    }

    /// <summary>Run in the named tier or mode. Wakes a sleeping miner.</summary>
    public static MinerCommand SetTier(string tier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tier);
        return new(MinerCommandKind.SetTier, null, tier);
    }

    /// <summary>Says what is asked, e.g. "set power 2400 W".</summary>
    public override string ToString() => Kind switch
    {
        MinerCommandKind.SetPower => $"set power {Watts} W",
        MinerCommandKind.SetTier => $"set tier {Tier}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
