namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>Makes API v2 drivers, and recognises a Whatsminer whose firmware predates API v3.</summary>
public sealed class WhatsminerV2DriverFactory : IMinerDriverFactory
{
    /// <inheritdoc />
    public string Family => MinerFamilies.WhatsminerV2;

    /// <inheritdoc />
    public string DisplayName => "Whatsminer (API v2, TCP 4028)";

    /// <inheritdoc />
    /// <remarks>
    /// 100: btminer's marker in the version reply with a firmware dated up to 2024-11 and no v3 port;
    /// 90: the marker without a date; 50: only the web UI's LuCI redirect; 0 when anything says v3.
    /// </remarks>
    public int Recognise(MinerProbeEvidence evidence)
    {
        var e = WhatsminerEvidence.From(evidence);
        return e switch
        {
            { SaysV3: true } or { OtherFirmwareOnRpc: true } => 0,
            { RpcMarker: true, FirmwareIsV3: false } => 100,
            { RpcMarker: true } => 90,
            { WebMarker: true } => 50,
            _ => 0,
        };
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new WhatsminerV2Driver(endpoint, context);
}
