namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// Who a reported frame came from, by the report's first letter (otgw.tclcode.com/firmware.html "Reports"):
/// T from the thermostat, B from the boiler, R a request the gateway sent the boiler in the thermostat's place or changed,
/// A an answer the gateway gave the thermostat in the boiler's place, E a frame received with an error.
/// </summary>
public enum OtgwReportSource
{
    /// <summary>'T': the thermostat's request as received.</summary>
    Thermostat,

    /// <summary>'B': the boiler's answer as received.</summary>
    Boiler,

    /// <summary>'R': the request the gateway sent to the boiler (its override of the thermostat's).</summary>
    GatewayRequest,

    /// <summary>'A': the answer the gateway returned to the thermostat.</summary>
    GatewayAnswer,

    /// <summary>'E': a frame with a parity, framing or timing error.</summary>
    Error,
}
