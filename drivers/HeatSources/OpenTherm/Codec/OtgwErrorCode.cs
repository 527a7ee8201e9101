namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// The two-letter error replies of the OTGW firmware to a serial command (otgw.tclcode.com/firmware.html "Serial commands").
/// </summary>
public enum OtgwErrorCode
{
    /// <summary>NG, "No Good": the command code is unknown.</summary>
    NoGood,

    /// <summary>SE, "Syntax Error": the command is malformed.</summary>
    SyntaxError,

    /// <summary>BV, "Bad Value": the value is not allowed for the command.</summary>
    BadValue,

    /// <summary>OR, "Out of Range": the value is outside what the command accepts.</summary>
    OutOfRange,

    /// <summary>NS, "No Space": a table in the gateway is full.</summary>
    NoSpace,

    /// <summary>NF, "Not Found": the thing to remove is not there.</summary>
    NotFound,

    /// <summary>OE, "Overrun Error": the gateway's serial receive buffer overran.</summary>
    OverrunError,
}
