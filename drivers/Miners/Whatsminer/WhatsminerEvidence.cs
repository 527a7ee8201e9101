namespace ProofOfHeat.Drivers.Miners.Whatsminer;

/// <summary>
/// What a probe says about a Whatsminer (pyasic's firmware detection): btminer's markers in the RPC
/// <c>version</c> reply, the web UI's redirect to https LuCI, and which API generation it has
/// (the firmware date in the version reply, or the v3 port accepting connections).
/// </summary>
internal sealed record WhatsminerEvidence(bool RpcMarker, bool OtherFirmwareOnRpc, bool WebMarker, bool? FirmwareIsV3, bool V3PortOpen)
{
    private static readonly string[] Markers = ["BTMINER", "BITMICRO"];

    /// <summary>Reads the evidence.</summary>
    public static WhatsminerEvidence From(MinerProbeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var rpc = evidence.RpcVersionReply?.ToUpperInvariant();
        var rpcMarker = rpc is not null && Markers.Any(m => rpc.Contains(m, StringComparison.Ordinal));
        var location = evidence.HttpHeaders.TryGetValue("location", out var l) ? l : "";
        var webMarker = evidence.HttpStatus is 301 or 302 or 307 or 308
            && location.StartsWith("https", StringComparison.OrdinalIgnoreCase)
            && (evidence.HttpBody.Contains("/cgi-bin/luci", StringComparison.Ordinal) || location.Contains("/cgi-bin/luci", StringComparison.Ordinal));
        return new WhatsminerEvidence(
            rpcMarker,
            rpc is { Length: > 0 } && !rpcMarker,
            webMarker,
            rpcMarker ? WhatsminerFirmware.IsApiV3FromVersionReply(evidence.RpcVersionReply) : null,
            evidence.WhatsminerV3PortOpen);
    }

    /// <summary>Whether anything says the generation is v3.</summary>
    public bool SaysV3 => FirmwareIsV3 == true || V3PortOpen;
}
