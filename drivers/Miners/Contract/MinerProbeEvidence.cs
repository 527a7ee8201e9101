namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// What a probe of a host found, for the factories to recognise their family (see
/// pyasic's firmware detection): the web root's answer, the RPC <c>version</c> reply, and
/// whether the Whatsminer v3 port accepts connections.
/// </summary>
public sealed record MinerProbeEvidence
{
    /// <summary>The endpoint probed.</summary>
    public required MinerEndpoint Endpoint { get; init; }

    /// <summary>HTTP status of <c>GET /</c>, or null when the web port did not answer.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Response headers of <c>GET /</c> (names lower-case).</summary>
    public IReadOnlyDictionary<string, string> HttpHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The body of <c>GET /</c> (first 64 KiB), or empty.</summary>
    public string HttpBody { get; init; } = "";

    /// <summary>The raw reply to the RPC <c>{"command":"version"}</c> (trailing NUL removed), or null.</summary>
    public string? RpcVersionReply { get; init; }

    /// <summary>Whether the Whatsminer v3 port accepted a connection.</summary>
    public bool WhatsminerV3PortOpen { get; init; }
}
