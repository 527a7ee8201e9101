using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Avalon;

/// <summary>
/// Canaan's cgminer RPC (cgminer's API-README and pyasic's Avalon backend): <c>version</c>, <c>summary</c>,
/// <c>stats</c>/<c>estats</c> (the <c>MM ID0</c> status string), <c>devs</c>, <c>pools</c>,
/// <c>ascset</c> (worklevel, softoff, softon, led) and <c>restart</c>. While cgminer restarts,
/// connections close without a reply.
/// </summary>
internal sealed class AvalonSimRpc(AvalonSimulator miner)
{
    private const string Software = "cgminer 4.11.1";
    private static readonly string[] Privileged = ["ascset", "restart", "quit", "addpool", "switchpool", "removepool"];

    /// <summary>Answers one request; null closes the connection unanswered (cgminer is down).</summary>
    public string? Handle(string request)
    {
        miner.ApplyDue();
        var state = miner.Hardware.Read();
        if (state.IsApiDown)
        {
            return null;
        }

        string command;
        string? parameter;
        try
        {
            using var document = JsonDocument.Parse(request);
            if (!document.RootElement.TryGetProperty("command", out var c) || c.ValueKind != JsonValueKind.String)
            {
                return Status("E", 24, "Missing JSON 'command'");
            }

            command = c.GetString()!;
            parameter = document.RootElement.TryGetProperty("parameter", out var p) ? p.ToString() : null;
        }
        catch (JsonException)
        {
            return Status("E", 23, "Invalid JSON");
        }

        miner.Record(parameter is null ? command : $"{command} {parameter}");
        if (!miner.Options.PrivilegedAccess && Privileged.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            return Status("E", 45, $"Access denied to '{command}' command");
        }

        switch (command.ToLowerInvariant())
        {
            case "version":
                return Reply(22, "CGMiner versions", "VERSION", Version());
            case "summary":
                return Reply(11, "Summary", "SUMMARY", Summary(state));
            case "stats" or "estats":
                return Reply(70, "CGMiner stats", "STATS", Stats(state), PoolStats(state));
            case "devs":
                return Reply(9, "1 ASC(s)", "DEVS", Devs(state));
            case "pools":
                return Reply(7, "1 Pool(s)", "POOLS", Pool());
            case "ascset":
                return AscSet(parameter ?? "");
            case "restart":
                miner.Hardware.Restart();
                return """{"STATUS":"RESTART"}""";
            default:
                return Status("E", 14, "Invalid command");
        }
    }

    private string AscSet(string parameter)
    {
        var parts = parameter.Split(',', 3);
        if (parts.Length < 2 || parts[0] != "0")
        {
            return Status("E", 107, $"Invalid ASC id {parts[0]} - range is 0 - 0");
        }

        var option = parts[1].ToLowerInvariant();
        var value = parts.Length > 2 ? parts[2] : "";
        switch (option)
        {
            case "worklevel" when value.StartsWith("set,", StringComparison.Ordinal)
                && int.TryParse(value[4..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level)
                && miner.SetWorkLevel(level):
                return Status("S", 119, "ASC 0 set OK");
            // cgminer's device drivers answer an option they do not know with "Unknown option: <option>", which
            // ascset reports as code 120 "ASC 0 set failed: …" (cgminer api.c; e.g. driver-avalon.c set_device):
            // the original Nano 3 has no work modes.
            case "workmode" when !miner.Options.HasWorkModes:
                return Status("E", 120, "ASC 0 set failed: Unknown option: workmode");
            // ascset|0,workmode,set,N (ajberti/ha-avalon-mini on the Mini 3; the asic-rs Avalon fixture's
            // "ASC 0 set OK", code 119, ascset_workmode.json).
            case "workmode" when value.StartsWith("set,", StringComparison.Ordinal)
                && int.TryParse(value[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var mode)
                && miner.SetWorkMode(mode):
                return Status("S", 119, "ASC 0 set OK");
            case "softoff" or "softon" when TryReadSoftTime(value, out var at):
                miner.ScheduleSoft(option == "softoff", at);
                return Status("S", 119, $"ASC 0 set info: success {option}:{value}");
            case "led" when value is "1-1" or "1-0":
                return Status("S", 119, "ASC 0 set OK");
            default:
                return Status("E", 120, $"ASC 0 set failed: {option} {value}".TrimEnd());
        }
    }

    // "1:<unix>" — the leading 1 is the only mode the firmware documents.
    private static bool TryReadSoftTime(string value, out long at)
    {
        at = 0;
        var parts = value.Split(':');
        return parts.Length == 2 && parts[0] == "1" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out at);
    }

    private JsonObject Version() => new()
    {
        ["CGMiner"] = "4.11.1",
        ["API"] = "3.7",
        ["STM8"] = "20.08.01",
        ["PROD"] = miner.Options.Product,
        ["MODEL"] = miner.Options.ModelCode,
        ["HWTYPE"] = "N_MM1v1_X1",
        ["SWTYPE"] = "MM319",
        ["VERSION"] = miner.Options.Firmware,
        ["LOADER"] = "d0d779de.00",
        ["DNA"] = "020100008c699117",
        ["MAC"] = "02000000a0a1",
        ["UPAPI"] = "2",
    };

    private static JsonObject Summary(MinerHardwareState s) => new()
    {
        ["Elapsed"] = (long)s.Uptime.TotalSeconds,
        ["MHS av"] = Math.Round(s.HashrateTerahash * 1e6, 2),
        ["MHS 30s"] = Math.Round(s.HashrateTerahash * 1e6, 2),
        ["MHS 1m"] = Math.Round(s.HashrateTerahash * 1e6, 2),
        ["MHS 5m"] = Math.Round(s.HashrateTerahash * 1e6, 2),
        ["Accepted"] = (long)(s.Uptime.TotalSeconds / 30),
        ["Rejected"] = 0,
        ["Hardware Errors"] = 0,
        ["Best Share"] = 19649871,
    };

    private JsonObject Stats(MinerHardwareState s) => new()
    {
        ["STATS"] = 0,
        ["ID"] = "AVANANO0",
        ["Elapsed"] = (long)s.Uptime.TotalSeconds,
        ["Calls"] = 0,
        ["Wait"] = 0.0,
        ["Max"] = 0.0,
        ["Min"] = 99999999.0,
        ["MM ID0"] = AvalonSimStatusString.Build(miner, s),
        ["MM Count"] = 1,
        ["Nonce Mask"] = 25,
    };

    private static JsonObject PoolStats(MinerHardwareState s) => new()
    {
        ["STATS"] = 1,
        ["ID"] = "POOL0",
        ["Elapsed"] = (long)s.Uptime.TotalSeconds,
        ["Calls"] = 0,
        ["Wait"] = 0.0,
        ["Max"] = 0.0,
        ["Min"] = 99999999.0,
        ["Pool Calls"] = 0,
        ["Pool Attempts"] = 0,
    };

    private static JsonObject Devs(MinerHardwareState s) => new()
    {
        ["ASC"] = 0,
        ["Name"] = "AVA10",
        ["ID"] = 0,
        ["Enabled"] = "Y",
        ["Status"] = "Alive",
        ["Temperature"] = -273.0,
        ["MHS av"] = Math.Round(s.HashrateTerahash * 1e6, 2),
        ["MHS 1m"] = Math.Round(s.HashrateTerahash * 1e6, 2),
        ["Hardware Errors"] = 0,
        ["Device Elapsed"] = (long)s.Uptime.TotalSeconds,
    };

    private static JsonObject Pool() => new()
    {
        ["POOL"] = 0,
        ["URL"] = "stratum+tcp://stratum.pool.io:3333",
        ["Status"] = "Alive",
        ["Priority"] = 0,
        ["User"] = "pool_username.heater",
        ["Stratum Active"] = true,
    };

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
            ["When"] = miner.MinerClock,
            ["Code"] = code,
            ["Msg"] = message,
            ["Description"] = Software,
        },
    ];
}
