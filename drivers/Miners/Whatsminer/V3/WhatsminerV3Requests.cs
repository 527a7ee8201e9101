using System.Text.Json.Nodes;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>Builds API v3 requests (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it).</summary>
public static class WhatsminerV3Requests
{
    /// <summary>A read, e.g. <c>{"cmd":"get.miner.status","param":"summary"}</c>.</summary>
    public static string Read(string command, string? param = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var body = new JsonObject { ["cmd"] = command };
        if (param is not null)
        {
            body["param"] = param;
        }

        return body.ToJsonString(WhatsminerJsonWriting.Options);
    }

    /// <summary>
    /// A signed write: <c>{"cmd":…,"param":…,"ts":…,"account":…,"token":…}</c>, the token made
    /// by <see cref="WhatsminerV3Signer"/> from the salt of <c>get.device.info</c>.
    /// </summary>
    public static string Write(string command, JsonNode? param, long ts, string account, string password, string salt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(account);
        return new JsonObject
        {
            ["cmd"] = command,
            ["param"] = param,
            ["ts"] = ts,
            ["account"] = account,
            ["token"] = WhatsminerV3Signer.Token(command, password, salt, ts),
        }.ToJsonString(WhatsminerJsonWriting.Options);
    }
}
