using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>
/// The bmminer RPC of a stock Antminer (cgminer's API-README and pyasic's bmminer backend): <c>version</c>,
/// <c>summary</c>, <c>stats</c>, <c>pools</c> and <c>devs</c>. Stock firmware's api-allow makes the
/// API read-only, so privileged commands are denied (code 45). While bmminer restarts, connections
/// close without a reply.
/// </summary>
internal sealed class AntminerSimRpc(AntminerSimulator miner)
{
    private const string Software = "bmminer 1.0.0";
    private static readonly string[] Privileged = ["restart", "quit", "switchpool", "addpool", "removepool", "enablepool", "disablepool", "ascset", "pgaset"];

    /// <summary>Answers one request; null closes the connection unanswered (bmminer is down).</summary>
    public string? Handle(string request)
    {
        var state = miner.Hardware.Read();
        if (state.IsApiDown)
        {
            return null;
        }

        string command;
        try
        {
            using var document = JsonDocument.Parse(request);
            if (!document.RootElement.TryGetProperty("command", out var c) || c.ValueKind != JsonValueKind.String)
            {
                return Status("E", 24, "Missing JSON 'command'");
            }

            command = c.GetString()!;
        }
        catch (JsonException)
        {
            return Status("E", 23, "Invalid JSON");
        }

        miner.Record(command);
        if (Privileged.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            return Status("E", 45, $"Access denied to '{command}' command");
        }

        return command.ToLowerInvariant() switch
        {
            "version" => Reply(22, "CGMiner versions", "VERSION", Version()),
            "summary" => Reply(11, "Summary", "SUMMARY", Summary(state)),
            "stats" => Quirk(Reply(70, "CGMiner stats", "STATS", new JsonObject { ["BMMiner"] = "1.0.0", ["Miner"] = "49.0.1.3", ["Type"] = miner.Options.Hardware.Model }, Stats(state))),
            "pools" => Reply(7, $"{miner.Pools.Count(p => p.Url.Length > 0)} Pool(s)", "POOLS", [.. Pools()]),
            "devs" => Reply(9, $"{miner.Options.Hardware.HashboardCount} ASC(s)", "DEVS", [.. Devs(state)]),
            _ => Status("E", 14, "Invalid command"),
        };
    }

    private string Quirk(string json) =>
        miner.Options.MalformedJson ? json.Replace("},{", "}{", StringComparison.Ordinal) : json;

    private JsonObject Version() => new()
    {
        ["BMMiner"] = "1.0.0",
        ["API"] = "3.1",
        ["Miner"] = "49.0.1.3",
        ["CompileTime"] = "Tue Dec  6 16:12:30 CST 2022",
        ["Type"] = miner.Options.Hardware.Model,
    };

    private static JsonObject Summary(MinerHardwareState s) => new()
    {
        ["Elapsed"] = (long)s.Uptime.TotalSeconds,
        ["GHS 5s"] = Math.Round(s.HashrateTerahash * 1000, 2),
        ["GHS av"] = Math.Round(s.HashrateTerahash * 1000, 2),
        ["GHS 30m"] = Math.Round(s.HashrateTerahash * 1000, 2),
        ["Found Blocks"] = 0,
        ["Accepted"] = (long)(s.Uptime.TotalSeconds / 12),
        ["Rejected"] = 0,
        ["Hardware Errors"] = 0,
        ["Utility"] = 4.8,
        ["Best Share"] = 12904207043,
    };

    private JsonObject Stats(MinerHardwareState s)
    {
        var spec = miner.Options.Hardware;
        var boards = spec.HashboardCount;
        var stats = new JsonObject
        {
            ["STATS"] = 0,
            ["ID"] = "BTM_SOC0",
            ["Elapsed"] = (long)s.Uptime.TotalSeconds,
            ["GHS 5s"] = Math.Round(s.HashrateTerahash * 1000, 2),
            ["GHS av"] = Math.Round(s.HashrateTerahash * 1000, 2),
            ["Mode"] = miner.WorkMode,
            ["miner_count"] = boards,
            ["frequency"] = 525,
            ["fan_num"] = spec.FanCount,
        };
        for (var f = 1; f <= spec.FanCount; f++)
        {
            stats["fan" + N(f)] = s.FanRpm;
        }

        stats["temp_num"] = boards;
        for (var b = 1; b <= boards; b++)
        {
            var pcb = (int)Math.Round(s.BoardTemperature);
            var chip = (int)Math.Round(s.ChipTemperature);
            stats["temp" + N(b)] = pcb;
            stats["temp2_" + N(b)] = chip;
            stats["temp_pcb" + N(b)] = $"{pcb}-{pcb - 25}-{pcb - 9}-{pcb - 8}";
            stats["temp_chip" + N(b)] = $"{chip}-{chip - 28}-{chip - 9}-{chip - 8}";
            stats["chain_acn" + N(b)] = 114;
            stats["chain_acs" + N(b)] = " oooooooo oooooooo oooooooo";
            stats["chain_hw" + N(b)] = 0;
            stats["chain_rate" + N(b)] = (s.HashrateTerahash * 1000 / boards).ToString("0.00", CultureInfo.InvariantCulture);
        }

        stats["temp_max"] = (int)Math.Round(s.ChipTemperature);
        stats["total_rateideal"] = Math.Round(miner.WattsIn(miner.WorkMode == 1 ? 0 : miner.WorkMode) / spec.JoulesPerTerahash * 1000, 1);
        stats["rate_unit"] = "GH";
        stats["total_acn"] = 114 * boards;
        stats["miner_version"] = "49.0.1.3";
        return stats;
    }

    private IEnumerable<JsonNode> Pools() => miner.Pools
        .Select((p, i) => (p, i))
        .Where(x => x.p.Url.Length > 0)
        .Select(x => (JsonNode)new JsonObject
        {
            ["POOL"] = x.i,
            ["URL"] = x.p.Url,
            ["Status"] = "Alive",
            ["Priority"] = x.i,
            ["User"] = x.p.User,
            ["Stratum Active"] = x.i == 0,
        });

    private IEnumerable<JsonNode> Devs(MinerHardwareState s) => Enumerable.Range(0, miner.Options.Hardware.HashboardCount)
        .Select(b => (JsonNode)new JsonObject
        {
            ["ASC"] = b,
            ["Name"] = "BTM",
            ["ID"] = b,
            ["Enabled"] = "Y",
            ["Status"] = "Alive",
            ["Temperature"] = Math.Round(s.BoardTemperature, 1),
            ["MHS 5s"] = Math.Round(s.HashrateTerahash * 1e6 / miner.Options.Hardware.HashboardCount, 2),
        });

    private string Reply(int code, string message, string section, params JsonNode[] items) =>
        new JsonObject
        {
            ["STATUS"] = StatusArray("S", code, message),
            [section] = new JsonArray(items),
            ["id"] = 1,
        }.ToJsonString();

    private string Status(string letter, int code, string message) =>
        new JsonObject { ["STATUS"] = StatusArray(letter, code, message), ["id"] = 1 }.ToJsonString();

    private JsonArray StatusArray(string letter, int code, string message) =>
    [
        new JsonObject
        {
            ["STATUS"] = letter,
            ["When"] = miner.Time.GetUtcNow().ToUnixTimeSeconds(),
            ["Code"] = code,
            ["Msg"] = message,
            ["Description"] = Software,
        },
    ];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
