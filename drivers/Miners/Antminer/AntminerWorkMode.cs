namespace ProofOfHeat.Drivers.Miners.Antminer;

/// <summary>
/// The stock firmware's work modes, as numbered in <c>get_miner_conf.cgi</c>'s
/// <c>bitmain-work-mode</c> and written as <c>miner-mode</c> (pyasic's stock-Antminer web API).
/// </summary>
public enum AntminerWorkMode
{
    /// <summary>Normal mode: nameplate hashrate and power.</summary>
    Normal = 0,

    /// <summary>Sleep: hashboards off, control board and fans up.</summary>
    Sleep = 1,

    /// <summary>High-efficiency mode (HEM), offered by some models.</summary>
    HighEfficiency = 2,

    /// <summary>Low-power mode (LPM).</summary>
    LowPower = 3,
}
