namespace ProofOfHeat.Drivers.Miners;

/// <summary>Where a reading's power figure comes from.</summary>
public enum PowerReadingSource
{
    /// <summary>No figure.</summary>
    None,

    /// <summary>The miner measured it (PSU or wall-power telemetry).</summary>
    Measured,

    /// <summary>Estimated from the model's nameplate and the mode or hashrate (stock Antminer reports no watts).</summary>
    Estimated,
}
