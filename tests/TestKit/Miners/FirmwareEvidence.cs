using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.TestKit.Miners;

/// <summary>
/// What a probe finds on each family's miners (pyasic's firmware detection and the simulators), by family: a family's
/// factory must score every other family's evidence 0.
/// </summary>
public static class FirmwareEvidence
{
    private static readonly MinerEndpoint Somewhere = new("192.0.2.10");

    /// <summary>
    /// The evidence of every firmware but <paramref name="family"/>'s (names start with their family), as xunit member
    /// data: one row per name.
    /// </summary>
    public static IEnumerable<object[]> NotOf(string family) =>
        All.Keys.Where(name => !name.StartsWith(family, StringComparison.Ordinal)).Select(name => new object[] { name });

    public static IReadOnlyDictionary<string, MinerProbeEvidence> All { get; } = new Dictionary<string, MinerProbeEvidence>
    {
        ["braiins-os"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 200,
            HttpBody = "<!doctype html><html><head><title>Braiins OS</title></head><body><div id=\"root\"></div></body></html>",
        },
        ["luxos"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 200,
            HttpBody = "<!doctype html><html><head><title>LuxOS | Luxor Firmware</title></head><body></body></html>",
            RpcVersionReply = """{"VERSION":[{"API":"3.7","LUXminer":"2024.1.26.143259-2d8448bf","Type":"Antminer S19j Pro"}],"STATUS":[{"Code":22,"Description":"LUXminer 2024.1.26.143259-2d8448bf","Msg":"LUXminer versions","STATUS":"S","When":1706294700}],"id":1}""",
        },
        ["vnish"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 200,
            HttpBody = "<!doctype html><html><head><title>AnthillOS</title></head><body><div id=\"app\"></div></body></html>",
        },
        ["antminer-stock"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 401,
            HttpHeaders = new Dictionary<string, string> { ["www-authenticate"] = "Digest realm=\"antMiner Configuration\", nonce=\"abc\", qop=\"auth\"" },
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","When":1755615295,"Code":22,"Msg":"CGMiner versions","Description":"cgminer 1.0.0"}],"VERSION":[{"BMMiner":"1.0.0","API":"3.1","Miner":"49.0.1.3","CompileTime":"Tue Dec 6 16:12:30 CST 2022","Type":"Antminer S19 Pro"}],"id":1}""",
        },
        ["whatsminer"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 307,
            HttpHeaders = new Dictionary<string, string> { ["location"] = "https://192.0.2.10/cgi-bin/luci" },
            HttpBody = "<a href=\"https://192.0.2.10/cgi-bin/luci\">moved</a>",
            RpcVersionReply = """{"STATUS":"S","When":1700000000,"Code":131,"Msg":{"api_ver":"2.0.5","fw_ver":"20230601.15.Rel"},"Description":"btminer"}""",
            WhatsminerV3PortOpen = true,
        },
        ["avalon"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 200,
            HttpBody = "<html><head><title>Avalon Device</title></head></html>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","When":1700000000,"Code":22,"Msg":"CGMiner versions","Description":"cgminer 4.11.1"}],"VERSION":[{"CGMiner":"4.11.1","API":"3.7","PROD":"AvalonNano3","MODEL":"Nano3"}],"id":1}""",
        },
        ["braiins-os boser rpc"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 200,
            HttpBody = "<title>Braiins OS</title>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"BOSer boser-buildroot 0.1.0"}],"VERSION":[{"BOSer":"0.1.0","Type":"Antminer S19j Pro"}],"id":1}""",
        },
        ["vnish rpc"] = new()
        {
            Endpoint = Somewhere,
            HttpStatus = 200,
            HttpBody = "<title>AnthillOS</title>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"cgminer vnish 1.2.6"}],"VERSION":[{"CGMiner":"vnish 1.2.6","Type":"Antminer S19"}],"id":1}""",
        },
        ["whatsminer v3 port only"] = new() { Endpoint = Somewhere, WhatsminerV3PortOpen = true },
        ["nothing"] = new() { Endpoint = Somewhere },
    };
}
