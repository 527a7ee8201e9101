using System.Text.Json.Serialization;
using ProofOfHeat.Apps.Miners.Options;

namespace ProofOfHeat.Bench.Miners;

/// <summary>One simulator as the child process announces it (a JSON line).</summary>
internal sealed record SimulatedMinerLine(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("family")] string Family,
    [property: JsonPropertyName("http_port")] int HttpPort,
    [property: JsonPropertyName("rpc_port")] int RpcPort,
    [property: JsonPropertyName("v3_port")] int V3Port,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("password")] string? Password)
{
    public FleetMinerOptions ToOptions() => new()
    {
        Id = Id,
        Family = Family,
        Host = "127.0.0.1",
        HttpPort = HttpPort,
        RpcPort = RpcPort,
        WhatsminerV3Port = V3Port,
        Username = Username,
        Password = Password,
    };
}
