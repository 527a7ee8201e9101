using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>LuxOS's read replies, drawn from the physical model at the moment of the request.</summary>
internal sealed class LuxOsTelemetry(LuxOsSimulator miner)
{
    /// <summary>The reply to a read command.</summary>
    public string Reply(string command)
    {
        var state = miner.Hardware.Read();
        var spec = miner.Hardware.Spec;
        return command switch
        {
            // The model is VERSION[0].Type; CONFIG has Profile, MACAddr, RedLed and no model (LuxorLabs/luxos-tooling
            // and docs.luxor.tech).
            "version" => miner.Replies.Ok("VERSION", LuxOsSimReplies.One(new JsonObject
            {
                ["API"] = "3.7",
                ["LUXminer"] = miner.Version,
                ["Miner"] = miner.Version,
                ["Type"] = spec.Model,
            }), 22, "LUXminer versions"),
            "config" => miner.Replies.Ok("CONFIG", LuxOsSimReplies.One(new JsonObject
            {
                ["ASC Count"] = spec.HashboardCount,
                ["CurtailMode"] = miner.IsCurtailed ? "Sleep" : "None",
                ["Hostname"] = "luxos-sim",
                ["IsAtmEnabled"] = miner.AtmEnabled,
                ["IsPowerSupplyOn"] = !miner.IsCurtailed,
                ["IsTuning"] = false,
                ["MACAddr"] = "02:00:00:4c:55:58",
                ["Profile"] = miner.Profile,
                ["RedLed"] = "off",
            }), 33, "CGMiner config"),
            "summary" => miner.Replies.Ok("SUMMARY", LuxOsSimReplies.One(new JsonObject
            {
                ["Elapsed"] = (long)state.Uptime.TotalSeconds,
                ["GHS 5s"] = Math.Round(state.HashrateTerahash * 1000, 2),
                ["GHS av"] = Math.Round(state.HashrateTerahash * 1000, 2),
                ["Accepted"] = 1204,
                ["Rejected"] = 3,
                ["Hardware Errors"] = 0,
            }), 11, "Summary"),
            "devs" => miner.Replies.Ok("DEVS", Boards(state, spec.HashboardCount), 9,
                spec.HashboardCount.ToString(CultureInfo.InvariantCulture) + " ASC(s)"),
            "stats" => miner.Replies.Ok("STATS", Stats(state, spec), 70, "CGMiner stats"),
            "power" => miner.Replies.Ok("POWER", LuxOsSimReplies.One(new JsonObject
            {
                ["PSU"] = !miner.IsCurtailed,
                ["Watts"] = (int)Math.Round(state.PowerWatts),
            }), 320, "Power"),
            "fans" => miner.Replies.Ok("FANS", [.. Enumerable.Range(0, spec.FanCount).Select(i =>
                (JsonNode)new JsonObject { ["ID"] = i, ["RPM"] = state.FanRpm, ["Speed"] = 100 * state.FanRpm / spec.FanMaximumRpm })],
                202, "Fans"),
            _ => miner.Replies.Ok("PROFILES", [.. miner.Profiles.Select(p => (JsonNode)new JsonObject
            {
                ["Profile Name"] = p.Name,
                ["Frequency"] = p.FrequencyMhz,
                ["Voltage"] = p.Voltage,
                ["Watts"] = p.Watts,
                ["Hashrate"] = p.HashrateTerahash,
                ["IsTuned"] = false,
                ["IsDynamic"] = false,
            })], 327, "Profiles"),
        };
    }

    private static JsonArray Boards(MinerHardwareState state, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["ASC"] = i,
            ["Name"] = "BTM",
            ["ID"] = i,
            ["Enabled"] = "Y",
            ["Status"] = "Alive",
            ["Temperature"] = Math.Round(state.BoardTemperature, 1),
            ["MHS 5s"] = Math.Round(state.HashrateTerahash * 1e6 / count, 2),
        }),
    ];

    private static JsonArray Stats(MinerHardwareState state, MinerHardwareSpec spec)
    {
        var data = new JsonObject
        {
            ["STATS"] = 0,
            ["ID"] = "BTM_SOC0",
            ["Elapsed"] = (long)state.Uptime.TotalSeconds,
            ["fan_num"] = spec.FanCount,
            ["total_rateideal"] = Math.Round(spec.NominalPowerWatts / spec.JoulesPerTerahash * 1000, 1),
            ["rate_unit"] = "GH",
        };
        for (var fan = 1; fan <= spec.FanCount; fan++)
        {
            data["fan" + fan.ToString(CultureInfo.InvariantCulture)] = state.FanRpm;
        }

        for (var board = 1; board <= spec.HashboardCount; board++)
        {
            var n = board.ToString(CultureInfo.InvariantCulture);
            data["chain_rate" + n] = (state.HashrateTerahash * 1000 / spec.HashboardCount).ToString("F2", CultureInfo.InvariantCulture);
            data["temp_pcb" + n] = Quad(state.BoardTemperature, 6);
            data["temp_chip" + n] = Quad(state.ChipTemperature, 8);
        }

        return [new JsonObject { ["Type"] = spec.Model, ["LUXminer"] = "LUXminer" }, data];
    }

    // Four sensors per board, the hottest at the outlet: "73-45-64-65"-style.
    private static string Quad(double hottest, double spread) => string.Join('-',
        new[] { hottest, hottest - (spread * 3), hottest - spread, hottest - (spread * 0.8) }
            .Select(v => Math.Round(v).ToString(CultureInfo.InvariantCulture)));
}
