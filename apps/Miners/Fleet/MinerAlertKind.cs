namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>What overheat protection did.</summary>
public enum MinerAlertKind
{
    /// <summary>Stepped the power down.</summary>
    Throttled,

    /// <summary>Put the miner to sleep.</summary>
    Slept,

    /// <summary>Let go of the miner: it cooled down.</summary>
    Recovered,

    /// <summary>The miner runs but its temperature has been unknown for longer than allowed (bad replies, no sensors).</summary>
    TemperatureUnknown,
}
