using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>
/// API v3 (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it): reads <c>get.device.info</c> and <c>get.miner.status</c>; writes
/// <c>set.miner.service</c> and <c>set.miner.power_limit</c>, each signed with the first 8
/// characters of Base64(SHA-256(cmd + password + salt + ts)) for the account.
/// </summary>
internal sealed class WhatsminerV3SimHandler(WhatsminerSimulator miner)
{
    /// <summary>The reply to one request frame, or null to drop the connection (the API is down while restarting).</summary>
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

        var command = root is null ? null : Text(root["cmd"]);
        miner.Record(command ?? "(invalid json)");
        if (root is null || command is null)
        {
            return Reply(-1, "invalid json", command ?? "");
        }

        if (command.StartsWith("set.", StringComparison.Ordinal) && !IsSigned(command, root))
        {
            return Reply(-1, "invalid token", command);
        }

        var param = root["param"];
        return command switch
        {
            "get.device.info" when Text(param) == "salt" => Reply(0, new JsonObject { ["salt"] = miner.Options.V3Salt }, command),
            "get.device.info" => Reply(0, DeviceInfo(state), command),
            "get.miner.status" => MinerStatus(Text(param) ?? "summary", state, command),
            "set.miner.service" => Service(Text(param), command),
            "set.miner.power_limit" => PowerLimit(param, command),
            _ => Reply(-1, "invalid command", command),
        };
    }

    private bool IsSigned(string command, JsonObject root)
    {
        var password = miner.Faults.WrongPassword ? miner.Options.V3Password + "-changed" : miner.Options.V3Password;
        return Text(root["account"]) == miner.Options.V3Account
            && Text(root["ts"]) is { } ts
            && Text(root["token"]) == WhatsminerSimCrypto.V3Token(command, password, miner.Options.V3Salt, ts);
    }

    private string Service(string? action, string command)
    {
        switch (action)
        {
            case "start":
                miner.Hardware.Wake();
                break;
            case "stop":
                miner.Hardware.Sleep();
                break;
            case "restart":
                miner.Hardware.Restart();
                break;
            default:
                return Reply(-1, "invalid param", command);
        }

        return Reply(0, "ok", command);
    }

    private string PowerLimit(JsonNode? param, string command)
    {
        var spec = miner.Hardware.Spec;
        if (!int.TryParse(Text(param), NumberStyles.Integer, CultureInfo.InvariantCulture, out var watts)
            || watts < spec.MinimumPowerWatts || watts > spec.NominalPowerWatts)
        {
            return Reply(-1, "invalid param", command);
        }

        miner.SetPowerLimit(watts, miner.Options.V3PowerLimitRestarts);
        return Reply(0, "ok", command);
    }

    private string MinerStatus(string what, MinerHardwareState s, string command)
    {
        var spec = miner.Hardware.Spec;
        JsonNode? body = what switch
        {
            "summary" => new JsonObject
            {
                ["elapsed"] = (long)s.Uptime.TotalSeconds, ["bootup-time"] = (long)s.Uptime.TotalSeconds + 600,
                ["hash-realtime"] = Math.Round(s.HashrateTerahash, 3), ["hash-1min"] = Math.Round(s.HashrateTerahash, 3),
                ["hash-15min"] = Math.Round(s.HashrateTerahash, 3), ["hash-average"] = Math.Round(s.HashrateTerahash, 3),
                ["factory-hash"] = Math.Round(spec.NominalPowerWatts / spec.JoulesPerTerahash, 3),
                ["power-realtime"] = Math.Round(s.PowerWatts, 1), ["power-5min"] = Math.Round(s.PowerWatts, 1),
                ["power-limit"] = miner.PowerLimitWatts,
                ["power-rate"] = s.HashrateTerahash > 0 ? Math.Round(s.PowerWatts / s.HashrateTerahash, 1) : 0,
                ["chip-temp-min"] = Math.Round(s.ChipTemperature - 8, 1), ["chip-temp-avg"] = Math.Round(s.ChipTemperature - 4, 1),
                ["chip-temp-max"] = Math.Round(s.ChipTemperature, 1),
                ["board-temperature"] = new JsonArray([.. Enumerable.Range(0, spec.HashboardCount).Select(i => (JsonNode)Math.Round(s.BoardTemperature + (i * 0.5), 1))]),
                ["environment-temperature"] = miner.Hardware.IntakeTemperature,
                ["fan-speed-in"] = s.FanRpm, ["fan-speed-out"] = s.FanRpm, ["freq-avg"] = s.Phase == MinerPhase.Mining ? 625 : 0,
                ["up-freq-finish"] = s.Phase == MinerPhase.Mining ? 1 : 0,
            },
            "edevs" => new JsonArray([.. Enumerable.Range(0, spec.HashboardCount).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i, ["hash-realtime"] = Math.Round(s.HashrateTerahash / spec.HashboardCount, 3),
                ["hash-average"] = Math.Round(s.HashrateTerahash / spec.HashboardCount, 3),
                ["chip-temp-max"] = Math.Round(s.ChipTemperature - i, 1), ["effective-chips"] = 156, ["freq"] = 625, ["status"] = "alive",
            })]),
            "pools" => new JsonArray(new JsonObject { ["url"] = "stratum+tcp://pool.example:3333", ["account"] = "sim.worker", ["status"] = "alive", ["stratum-active"] = true }),
            _ => null,
        };
        return body is null ? Reply(-1, "invalid param", command) : Reply(0, new JsonObject { [what] = body }, command);
    }

    private JsonObject DeviceInfo(MinerHardwareState s) => new()
    {
        ["network"] = new JsonObject { ["mac"] = "C4:08:28:00:A4:20", ["hostname"] = "WhatsMiner", ["ip"] = "127.0.0.1", ["proto"] = "dhcp" },
        ["system"] = new JsonObject { ["api"] = "3.0.1", ["fwversion"] = miner.FirmwareVersion, ["platform"] = "H6OS", ["ledstatus"] = "auto", ["apiswitch"] = "1" },
        ["power"] = new JsonObject { ["fanspeed"] = s.FanRpm, ["model"] = "P222B" },
        ["miner"] = new JsonObject
        {
            ["type"] = miner.Hardware.Spec.Model, ["miner-sn"] = "SIM" + miner.Hardware.Spec.Model,
            ["board-num"] = miner.Hardware.Spec.HashboardCount, ["working"] = s.Phase == MinerPhase.Sleeping ? "false" : "true",
            ["hash-percent"] = 100, ["fast-boot"] = "disable",
        },
        ["error-code"] = WhatsminerV2SimReplies.ErrorList(miner),
        ["salt"] = miner.Options.V3Salt,
    };

    private string Reply(int code, JsonNode message, string command) => new JsonObject
    {
        ["code"] = code, ["when"] = miner.Time.GetUtcNow().ToUnixTimeSeconds(), ["msg"] = message, ["desc"] = command,
    }.ToJsonString(WhatsminerSimJson.Options);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString(WhatsminerSimJson.Options);
}
