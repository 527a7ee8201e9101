namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The outcome of a command.</summary>
public enum HeatSourceCommandOutcome
{
    /// <summary>Sent, and the read-back shows it in effect.</summary>
    Applied,

    /// <summary>Nothing sent: the source was already in that state.</summary>
    AlreadyInEffect,

    /// <summary>
    /// Sent and answered, but the read-back within the verify time shows the source did not follow
    /// (<see cref="HeatSourceCommandResult.Expected"/> and <see cref="HeatSourceCommandResult.Observed"/> say what).
    /// </summary>
    NotFollowed,

    /// <summary>
    /// Not taken: the source refused it (a Modbus exception, an OTGW error reply), or a minimum on/off/dwell time it
    /// declares has not elapsed so nothing was sent (<see cref="HeatSourceCommandResult.Reason"/> says which).
    /// </summary>
    Refused,

    /// <summary>The source could not be reached within the retries; nothing is known of the command's fate.</summary>
    Unreachable,
}
