namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>What probes of other firmware show (pyasic's firmware detection), for the "not this family" side of recognition.</summary>
internal static class OtherFirmwareEvidence
{
    private static readonly MinerEndpoint Somewhere = new("192.0.2.10");

    public static TheoryData<string, MinerProbeEvidence> All => new()
    {
        { "Braiins OS", new() { Endpoint = Somewhere, HttpStatus = 200, HttpBody = "<title>Braiins OS</title>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"BOSer boser-buildroot 0.1.0"}],"VERSION":[{"BOSer":"0.1.0","Type":"Antminer S19j Pro"}],"id":1}""" } },
        { "LuxOS", new() { Endpoint = Somewhere, HttpStatus = 200, HttpBody = "<title>LuxOS | Luxor Firmware</title>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"LUXminer 2024.1.26"}],"VERSION":[{"LUXminer":"2024.1.26","Type":"Antminer S19j Pro"}],"id":1}""" } },
        { "VNish", new() { Endpoint = Somewhere, HttpStatus = 200, HttpBody = "<title>AnthillOS</title>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"cgminer vnish 1.2.6"}],"VERSION":[{"CGMiner":"vnish 1.2.6","Type":"Antminer S19"}],"id":1}""" } },
        { "Whatsminer v2", new() { Endpoint = Somewhere, HttpStatus = 307, HttpBody = "/cgi-bin/luci",
            RpcVersionReply = """{"STATUS":"S","When":1,"Code":131,"Msg":{"api_ver":"2.0.5","fw_ver":"20230911.12.Rel"},"Description":"btminer"}""" } },
        { "stock Antminer", new() { Endpoint = Somewhere, HttpStatus = 401,
            HttpHeaders = new Dictionary<string, string> { ["www-authenticate"] = "Digest realm=\"antMiner Configuration\", nonce=\"n\", qop=\"auth\"" },
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"bmminer 1.0.0"}],"VERSION":[{"BMMiner":"1.0.0","Type":"Antminer S19 Pro"}],"id":1}""" } },
        { "Whatsminer v3", new() { Endpoint = Somewhere, WhatsminerV3PortOpen = true } },
        { "nothing", new() { Endpoint = Somewhere } },
    };
}
