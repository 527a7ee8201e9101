namespace ProofOfHeat.Drivers.HeatSources.SgReady;

/// <summary>
/// The four SG-Ready operating states, as the Bundesverband Wärmepumpe (BWP) defines them for its SG Ready label
/// ("Regularium für das Label SG Ready", §2.1), with the two contacts (contact 1 : contact 2) of the terminal solution.
/// The same mapping is in inverter vendors' manuals (e.g. SMA's "Configuration of SG Ready interface": 10 blocked,
/// 00 normal, 01 encouraged, 11 ordered).
/// </summary>
public enum SgReadyState
{
    /// <summary>State 1, contacts 1:0: blocked — compatible with the utility's (EVU) block, at most 2 hours of hard block.</summary>
    Blocked = 1,

    /// <summary>State 2, contacts 0:0: energy-efficient normal operation.</summary>
    Normal = 2,

    /// <summary>State 3, contacts 0:1: a recommendation to run more (raised setpoints for heating and hot water); not a start command.</summary>
    Recommended = 3,

    /// <summary>State 4, contacts 1:1: a definite start command, as far as the controller's settings allow.</summary>
    Forced = 4,
}
