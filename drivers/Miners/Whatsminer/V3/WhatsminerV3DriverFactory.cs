namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>Makes API v3 drivers, and recognises a Whatsminer whose firmware has API v3.</summary>
public sealed class WhatsminerV3DriverFactory : IMinerDriverFactory
{
    /// <inheritdoc />
    public string Family => MinerFamilies.WhatsminerV3;

    /// <inheritdoc />
    public string DisplayName => "Whatsminer (API v3, TCP 4433)";

    /// <inheritdoc />
    /// <remarks>
    /// 100: btminer's marker in the version reply with a firmware dated after 2024-11 or the v3 port open;
    /// 80: the web UI's LuCI redirect with the v3 port open; 40: only the v3 port open; otherwise 0.
    /// </remarks>
    public int Recognise(MinerProbeEvidence evidence)
    {
        var e = WhatsminerEvidence.From(evidence);
        return e switch
        {
            { OtherFirmwareOnRpc: true } => 0,
            { RpcMarker: true, SaysV3: true } => 100,
            { WebMarker: true, V3PortOpen: true } => 80,
            { RpcMarker: false, V3PortOpen: true } => 40,
            _ => 0,
        };
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new WhatsminerV3Driver(endpoint, context);
}
