namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// Where a miner listens and how to log in. Real miners use the default ports; simulators on
/// loopback and miners behind port forwards set their own.
/// </summary>
public sealed record MinerEndpoint
{
    /// <summary>Creates an endpoint for <paramref name="host"/> with the default ports.</summary>
    public MinerEndpoint(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        Host = host;
    }

    /// <summary>Host name or IP address.</summary>
    public string Host { get; }

    /// <summary>The web UI / REST port.</summary>
    public int HttpPort { get; init; } = 80;

    /// <summary>The cgminer-style RPC port (also Whatsminer v2 and LuxOS).</summary>
    public int RpcPort { get; init; } = 4028;

    /// <summary>The Whatsminer API v3 port.</summary>
    public int WhatsminerV3Port { get; init; } = 4433;

    /// <summary>User name, when the firmware wants one (the family's default is used when null).</summary>
    public string? Username { get; init; }

    /// <summary>Password (never logged; the family's default is used when null).</summary>
    public string? Password { get; init; }

    /// <summary>Says where the miner is, without the password.</summary>
    public override string ToString() => $"{Host} (http {HttpPort}, rpc {RpcPort})";
}
