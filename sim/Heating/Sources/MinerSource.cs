namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>
/// A miner with power-target tiers 0/25/50/75/100 % (Braiins/21energy style). All electricity
/// becomes heat in the air. Efficiency improves linearly as power drops, by
/// <see cref="ReducedPowerGain"/> at the lowest tier (bench/Heating/README.md, The plant).
/// </summary>
public sealed class MinerSource : PlantSource
{
    /// <summary>Creates a miner with <paramref name="ratedWatts"/> at 100 % and <paramref name="joulesPerTerahash"/> there.</summary>
    public MinerSource(string id, double ratedWatts, double joulesPerTerahash, double poolFee, TimeSpan minimumOnOff, double reducedPowerGain = 0.10)
        : base(id, [0, ratedWatts * 0.25, ratedWatts * 0.5, ratedWatts * 0.75, ratedWatts], modulating: false, minimumOnOff, minimumOnOff)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(joulesPerTerahash);
        JoulesPerTerahash = joulesPerTerahash;
        PoolFee = poolFee;
        ReducedPowerGain = reducedPowerGain;
    }

    /// <inheritdoc />
    public override PlantSourceKind Kind => PlantSourceKind.Miner;

    /// <summary>Efficiency at full power, J/TH.</summary>
    public double JoulesPerTerahash { get; }

    /// <summary>Pool fee as a fraction of revenue.</summary>
    public double PoolFee { get; }

    /// <summary>Relative J/TH improvement at the 25 % tier.</summary>
    public double ReducedPowerGain { get; }

    /// <summary>An S21-class miner: 3.5 kW, 17.5 J/TH, 2 % pool fee, 10 min minimum on/off.</summary>
    public static MinerSource S21(string id) => new(id, 3500, 17.5, 0.02, TimeSpan.FromMinutes(10));

    /// <summary>An S19-class miner: 3.05 kW, 29.5 J/TH, 2 % pool fee, 10 min minimum on/off.</summary>
    public static MinerSource S19(string id) => new(id, 3050, 29.5, 0.02, TimeSpan.FromMinutes(10));

    /// <summary>Efficiency at electric power <paramref name="watts"/>, J/TH.</summary>
    public double JoulesPerTerahashAt(double watts)
    {
        var reduction = (1 - (watts / Levels[^1])) / 0.75;
        return JoulesPerTerahash * (1 - (ReducedPowerGain * Math.Clamp(reduction, 0, 1)));
    }

    /// <inheritdoc />
    public override SourceOutput Produce(SourceConditions conditions)
    {
        if (!Running)
        {
            return default;
        }

        return new SourceOutput(Level, Level, 0, Level / JoulesPerTerahashAt(Level));
    }
}
