namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>Why a call to the gateway failed.</summary>
public enum OtgwFailure
{
    /// <summary>No TCP connection could be made.</summary>
    Unreachable,

    /// <summary>The connection ended (the gateway or the network dropped it).</summary>
    ConnectionLost,

    /// <summary>The gateway did not answer a command in time.</summary>
    Timeout,

    /// <summary>The gateway refused the command with one of its error codes.</summary>
    Rejected,

    /// <summary>The gateway answered with a value that is not what was asked for.</summary>
    UnexpectedReply,
}
