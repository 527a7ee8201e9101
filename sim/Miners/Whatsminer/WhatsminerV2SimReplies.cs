using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>The API v2 replies of a simulated Whatsminer, in btminer's two shapes (MicroBT's WhatsMiner API V2.0.5).</summary>
internal sealed class WhatsminerV2SimReplies(WhatsminerSimulator miner)
{
    private long UnixNow => miner.Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A flat reply: <c>{"STATUS":"S","When":…,"Code":…,"Msg":…,"Description":""}</c>.</summary>
    public string Flat(string status, int code, JsonNode message) =>
        new JsonObject { ["STATUS"] = status, ["When"] = UnixNow, ["Code"] = code, ["Msg"] = message, ["Description"] = "" }.ToJsonString(WhatsminerSimJson.Options);

    /// <summary>A flat error with its text.</summary>
    public string Error(int code, string message) => Flat("E", code, message);

    /// <summary>A cgminer-style reply: a STATUS array and one data section.</summary>
    public string Cgminer(int code, string message, string section, JsonArray data) => new JsonObject
    {
        ["STATUS"] = new JsonArray(new JsonObject
        {
            ["STATUS"] = "S", ["When"] = UnixNow, ["Code"] = code, ["Msg"] = message, ["Description"] = "btminer",
        }),
        [section] = data,
        ["id"] = 1,
    }.ToJsonString(WhatsminerSimJson.Options);

    public string Summary(MinerHardwareState s)
    {
        var mhs = Math.Round(s.HashrateTerahash * 1e6, 2);
        return Cgminer(11, "Summary", "SUMMARY", new JsonArray(new JsonObject
        {
            ["Elapsed"] = (long)s.Uptime.TotalSeconds,
            ["MHS av"] = mhs, ["MHS 5s"] = mhs, ["MHS 1m"] = mhs, ["MHS 5m"] = mhs, ["MHS 15m"] = mhs, ["HS RT"] = mhs,
            ["Temperature"] = Math.Round(s.BoardTemperature, 1),
            ["Fan Speed In"] = s.FanRpm, ["Fan Speed Out"] = s.FanRpm,
            ["Power"] = (int)Math.Round(s.PowerWatts), ["Power_RT"] = (int)Math.Round(s.PowerWatts),
            ["Power Limit"] = miner.PowerLimitWatts, ["Power Mode"] = "Normal",
            ["Factory GHS"] = (int)(miner.Hardware.Spec.NominalPowerWatts / miner.Hardware.Spec.JoulesPerTerahash * 1000),
            ["Env Temp"] = miner.Hardware.IntakeTemperature,
            ["Chip Temp Min"] = Math.Round(s.ChipTemperature - 8, 1),
            ["Chip Temp Max"] = Math.Round(s.ChipTemperature, 1),
            ["Chip Temp Avg"] = Math.Round(s.ChipTemperature - 4, 2),
            ["Firmware Version"] = "'" + miner.FirmwareVersion + "'",
            ["Upfreq Complete"] = s.Phase == MinerPhase.Mining ? 1 : 0,
            ["MAC"] = "C4:08:28:00:A4:19", ["Uptime"] = (long)s.Uptime.TotalSeconds + 600,
        }));
    }

    public string Devices(MinerHardwareState s)
    {
        var boards = new JsonArray();
        var count = miner.Hardware.Spec.HashboardCount;
        for (var i = 0; i < count; i++)
        {
            boards.Add(new JsonObject
            {
                ["ASC"] = i, ["Slot"] = i, ["Enabled"] = "Y", ["Status"] = "Alive",
                ["Temperature"] = Math.Round(s.BoardTemperature + (i * 0.5), 1),
                ["Chip Temp Min"] = Math.Round(s.ChipTemperature - 8, 1),
                ["Chip Temp Max"] = Math.Round(s.ChipTemperature - i, 1),
                ["Chip Temp Avg"] = Math.Round(s.ChipTemperature - 4, 1),
                ["MHS 1m"] = Math.Round(s.HashrateTerahash * 1e6 / count, 2),
                ["MHS av"] = Math.Round(s.HashrateTerahash * 1e6 / count, 2),
                ["Effective Chips"] = 148, ["PCB SN"] = "SIM" + i.ToString(CultureInfo.InvariantCulture),
            });
        }

        return Cgminer(9, count.ToString(CultureInfo.InvariantCulture) + " ASC(s)", "DEVS", boards);
    }

    public string DeviceDetails() => Cgminer(69, "Device Details", "DEVDETAILS", new JsonArray(
        [.. Enumerable.Range(0, miner.Hardware.Spec.HashboardCount).Select(i => (JsonNode)new JsonObject
        {
            ["DEVDETAILS"] = i, ["Name"] = "SM", ["ID"] = i, ["Driver"] = "bitmicro", ["Kernel"] = "",
            ["Model"] = miner.Hardware.Spec.Model + ".VE40",
        })]));

    public string Pools() => Cgminer(7, "1 Pool(s)", "POOLS", new JsonArray(new JsonObject
    {
        ["POOL"] = 0, ["URL"] = "stratum+tcp://pool.example:3333", ["Status"] = "Alive", ["User"] = "sim.worker", ["Stratum Active"] = true,
    }));

    // The probe's version reply: btminer names itself and gives the firmware date (which tells v2 from v3).
    public string Version() => Cgminer(22, "CGMiner versions", "VERSION", new JsonArray(new JsonObject
    {
        ["CGMiner"] = "4.9.2", ["API"] = miner.Options.Generation == WhatsminerApiGeneration.V2 ? "2.0.5" : "3.0.1",
        ["Miner"] = "btminer", ["Firmware Version"] = "'" + miner.FirmwareVersion + "'",
    }));

    public string GetVersion() => Flat("S", 131, new JsonObject
    {
        ["api_ver"] = miner.Options.Generation == WhatsminerApiGeneration.V2 ? "2.0.5" : "3.0.1",
        ["fw_ver"] = miner.FirmwareVersion, ["platform"] = "H616",
    });

    public string MinerInfo() => Flat("S", 131, new JsonObject
    {
        ["ip"] = "127.0.0.1", ["proto"] = "dhcp", ["netmask"] = "255.0.0.0", ["dns"] = "127.0.0.53", ["mac"] = "C4:08:28:00:A4:19",
        ["ledstat"] = "auto", ["gateway"] = "127.0.0.1", ["hostname"] = "WhatsMiner", ["minersn"] = "SIM" + miner.Hardware.Spec.Model,
    });

    public string Status(MinerHardwareState s) => Flat("S", 131, new JsonObject
    {
        ["mineroff"] = s.Phase == MinerPhase.Sleeping ? "true" : "false",
        ["mineroff_reason"] = s.Phase == MinerPhase.Sleeping ? "power_off" : "",
        ["mineroff_time"] = "",
        ["FirmwareVersion"] = miner.FirmwareVersion,
        ["power_mode"] = "normal",
        ["power_limit_set"] = miner.PowerLimitWatts.ToString(CultureInfo.InvariantCulture),
        ["hash_percent"] = miner.PowerPercent.ToString(CultureInfo.InvariantCulture),
    });

    // Since API 2.0.4 the errors are here, not in the summary: one {"code":"time"} object each.
    public string ErrorCodes() => Flat("S", 131, new JsonObject { ["error_code"] = ErrorList(miner) });

    public static JsonArray ErrorList(WhatsminerSimulator miner) => new(
        [.. miner.ErrorCodes.Select(code => (JsonNode)new JsonObject { [code] = "2026-01-05 06:00:00" })]);

    public string Psu() => Flat("S", 131, new JsonObject
    {
        ["name"] = "P221B", ["model"] = "P221B", ["vin"] = "23000", ["iin"] = "1500", ["fan_speed"] = "6000",
        ["version"] = "01.00", ["serial_no"] = "SIMPSU", ["vender"] = "1",
    });

    public string Token(string time, string salt, string newSalt) =>
        Flat("S", 134, new JsonObject { ["time"] = time, ["salt"] = salt, ["newsalt"] = newSalt });
}
