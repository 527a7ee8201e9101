using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>
/// API v2 on the RPC port (MicroBT's WhatsMiner API V2.0.5): plaintext reads by <c>cmd</c> (or cgminer's
/// <c>command</c>), <c>get_token</c>, and writes sent as <c>{"enc":1,"data":…}</c> that must
/// decrypt under the admin password's key and carry a live token. Errors about the envelope or
/// the token come back in plaintext; answers to accepted writes come back encrypted.
/// </summary>
internal sealed class WhatsminerV2SimHandler(WhatsminerSimulator miner)
{
    private readonly WhatsminerV2SimReplies _replies = new(miner);

    /// <summary>The reply to one request, or null to close without one (the API is down while restarting).</summary>
    public string? Handle(string request)
    {
        var state = miner.Hardware.Read();
        if (state.IsApiDown)
        {
            return null;
        }

        JsonObject? root;
        try
        {
            root = JsonNode.Parse(request) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            miner.Record("(invalid json)");
            return _replies.Error(23, "invalid JSON message");
        }

        if (root["enc"] is not null)
        {
            return HandleEncrypted(root);
        }

        var command = Text(root["cmd"]) ?? Text(root["command"]);
        miner.Record(command ?? "(no command)");
        return command switch
        {
            "summary" => _replies.Summary(state),
            "devs" or "edevs" => _replies.Devices(state),
            "devdetails" => _replies.DeviceDetails(),
            "pools" => _replies.Pools(),
            "version" => _replies.Version(),
            "get_version" => _replies.GetVersion(),
            "get_miner_info" => _replies.MinerInfo(),
            "status" => _replies.Status(state),
            "get_error_code" => _replies.ErrorCodes(),
            "get_psu" => _replies.Psu(),
            "get_token" => GetToken(),
            _ => _replies.Error(14, "invalid API command or data"),
        };
    }

    // The key is the hash part of the admin password's MD5-crypt, as the miner stores it; a changed password changes it.
    private string Key => WhatsminerSimCrypto.Md5CryptHash(
        miner.Faults.WrongPassword ? miner.Options.AdminPassword + "-changed" : miner.Options.AdminPassword, miner.Options.PasswordSalt);

    private string GetToken()
    {
        if (!WritesAllowed)
        {
            return _replies.Error(45, "permission denied");
        }

        if (miner.Faults.SessionBusy || miner.Tokens.Issue(Key) is not { } token)
        {
            return _replies.Error(136, "token over max times");
        }

        return _replies.Token(token.Time, miner.Options.PasswordSalt, token.NewSalt);
    }

    // v3 firmware keeps answering reads on 4028 but its v2 writes are broken (pyasic #363, hass-miner #405).
    private bool WritesAllowed => miner.Options.WriteApiEnabled && miner.Options.Generation == WhatsminerApiGeneration.V2;

    private string HandleEncrypted(JsonObject root)
    {
        if (!WritesAllowed)
        {
            miner.Record("(encrypted)");
            return _replies.Error(45, "permission denied");
        }

        var aesKey = WhatsminerSimCrypto.AesKey(Key);
        string? plain;
        try
        {
            plain = Text(root["data"]) is { } data ? WhatsminerSimCrypto.Open(aesKey, data) : null;
        }
        catch (FormatException)
        {
            miner.Record("(encrypted)");
            return _replies.Error(137, "base64 decode error");
        }

        JsonObject? inner = null;
        try
        {
            inner = plain is null ? null : JsonNode.Parse(plain) as JsonObject;
        }
        catch (JsonException)
        {
            // Under another key the plaintext is noise: the sign cannot be checked.
        }

        var command = inner is null ? null : Text(inner["cmd"]) ?? Text(inner["command"]);
        miner.Record(command ?? "(encrypted)");
        if (inner is null || !miner.Tokens.IsValid(Text(inner["token"])))
        {
            return _replies.Error(135, "check token error");
        }

        var reply = Execute(command, inner);
        return new JsonObject { ["enc"] = WhatsminerSimCrypto.Seal(aesKey, reply) }.ToJsonString(WhatsminerSimJson.Options);
    }

    private string Execute(string? command, JsonObject inner)
    {
        var spec = miner.Hardware.Spec;
        switch (command)
        {
            case "power_off":
                miner.Hardware.Sleep();
                return Ok();
            case "power_on":
                miner.Hardware.Wake();
                return Ok();
            case "adjust_power_limit" when Number(inner["power_limit"]) is { } watts && watts >= spec.MinimumPowerWatts && watts <= spec.NominalPowerWatts:
                miner.SetPowerLimit(watts, restarts: true);
                return Ok();
            case "set_power_pct" or "set_power_pct_v2" when Number(inner["percent"]) is { } percent && percent is >= 0 and <= 100:
                miner.SetPowerPercent(percent);
                return Ok();
            case "adjust_power_limit" or "set_power_pct" or "set_power_pct_v2":
                return _replies.Error(132, "command error");
            case "reboot" or "restart_btminer":
                miner.Hardware.Restart();
                return Ok();
            default:
                return _replies.Error(14, "invalid API command or data");
        }
    }

    private string Ok() => _replies.Flat("S", 131, "API command OK");

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString(WhatsminerSimJson.Options);

    private static int? Number(JsonNode? node) => int.TryParse(Text(node), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
