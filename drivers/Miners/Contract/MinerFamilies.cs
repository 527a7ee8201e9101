namespace ProofOfHeat.Drivers.Miners;

/// <summary>The ids of the built-in firmware families (config's <c>family:</c> values).</summary>
public static class MinerFamilies
{
    /// <summary>Stock Antminer firmware: reads over the cgminer RPC, control over the web cgi API.</summary>
    public const string AntminerStock = "antminer-stock";

    /// <summary>Canaan Avalon (Nano 3, Mini 3 and others) over the cgminer RPC with <c>ascset</c>.</summary>
    public const string Avalon = "avalon";

    /// <summary>Whatsminer API v2 on TCP 4028 (token, MD5-crypt, AES-256-ECB).</summary>
    public const string WhatsminerV2 = "whatsminer-v2";

    /// <summary>Whatsminer API v3 on TCP 4433.</summary>
    public const string WhatsminerV3 = "whatsminer-v3";

    /// <summary>Braiins OS / BOS+ over its REST API.</summary>
    public const string BraiinsOs = "braiins-os";

    /// <summary>LuxOS over the cgminer-style RPC with sessions.</summary>
    public const string LuxOs = "luxos";

    /// <summary>VNish (AnthillOS) over its REST API.</summary>
    public const string VNish = "vnish";
}
