using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>
/// The newer firmware's JSON status pages (pyasic's stock-Antminer web API):
/// <c>summary.cgi</c> with its alarm list and <c>stats.cgi</c> with per-chain figures. Their
/// <c>STATUS</c> is an object, not the RPC's array.
/// </summary>
internal static class AntminerSimCgiReplies
{
    /// <summary>The <c>summary.cgi</c> reply; the temperature item turns to an error above the alarm threshold.</summary>
    public static JsonObject Summary(AntminerSimulator miner)
    {
        var s = miner.Hardware.Read();
        var hot = s.ChipTemperature > miner.Options.TemperatureAlarm;
        var asleep = s.Phase == MinerPhase.Sleeping;
        return new JsonObject
        {
            ["STATUS"] = Status(miner, "summary"),
            ["INFO"] = Info(miner),
            ["SUMMARY"] = new JsonArray(new JsonObject
            {
                ["elapsed"] = (long)s.Uptime.TotalSeconds,
                ["rate_5s"] = Math.Round(s.HashrateTerahash * 1000, 1),
                ["rate_30m"] = Math.Round(s.HashrateTerahash * 1000, 1),
                ["rate_avg"] = Math.Round(s.HashrateTerahash * 1000, 1),
                ["rate_ideal"] = Math.Round(miner.WattsIn(miner.WorkMode) / miner.Options.Hardware.JoulesPerTerahash * 1000, 1),
                ["rate_unit"] = "GH/s",
                ["hw_all"] = 0,
                ["bestshare"] = 10000000000,
                ["status"] = new JsonArray(
                    Item("rate", asleep || s.HashrateTerahash > 0 || s.Phase == MinerPhase.Starting ? "s" : "w", 0, ""),
                    Item("network", "s", 0, ""),
                    Item("fans", "s", 0, ""),
                    Item("temp", hot ? "e" : "s", hot ? 2 : 0, hot ? "Temperature too high" : "")),
            }),
        };
    }

    /// <summary>The <c>stats.cgi</c> reply, including <c>miner-mode</c> as 2022-and-later firmware reports it.</summary>
    public static JsonObject Stats(AntminerSimulator miner)
    {
        var s = miner.Hardware.Read();
        var spec = miner.Options.Hardware;
        var chains = new JsonArray();
        for (var b = 0; b < spec.HashboardCount; b++)
        {
            var pcb = (int)Math.Round(s.BoardTemperature);
            var chip = (int)Math.Round(s.ChipTemperature);
            chains.Add(new JsonObject
            {
                ["index"] = b,
                ["freq_avg"] = s.HashrateTerahash > 0 ? 525 : 0,
                ["rate_real"] = Math.Round(s.HashrateTerahash * 1000 / spec.HashboardCount, 2),
                ["asic_num"] = 114,
                ["temp_pic"] = new JsonArray(pcb - 10, pcb - 10, pcb - 11, pcb - 11),
                ["temp_pcb"] = new JsonArray(pcb, pcb, pcb - 1, pcb - 1),
                ["temp_chip"] = new JsonArray(chip, chip, chip - 1, chip - 1),
                ["hw"] = 0,
                ["eeprom_loaded"] = true,
                ["sn"] = $"JYZZSIM000000{b}",
            });
        }

        var fans = new JsonArray();
        for (var f = 0; f < spec.FanCount; f++)
        {
            fans.Add(s.FanRpm);
        }

        return new JsonObject
        {
            ["STATUS"] = Status(miner, "stats"),
            ["INFO"] = Info(miner),
            ["STATS"] = new JsonArray(new JsonObject
            {
                ["elapsed"] = (long)s.Uptime.TotalSeconds,
                ["rate_5s"] = Math.Round(s.HashrateTerahash * 1000, 1),
                ["rate_avg"] = Math.Round(s.HashrateTerahash * 1000, 1),
                ["rate_unit"] = "GH/s",
                ["chain_num"] = spec.HashboardCount,
                ["fan_num"] = spec.FanCount,
                ["fan"] = fans,
                ["miner-mode"] = miner.WorkMode,
                ["chain"] = chains,
            }),
        };
    }

    private static JsonObject Status(AntminerSimulator miner, string message) => new()
    {
        ["STATUS"] = "S",
        ["when"] = miner.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
        ["Msg"] = message,
        ["api_version"] = "1.0.0",
    };

    private static JsonObject Info(AntminerSimulator miner) => new()
    {
        ["miner_version"] = "49.0.1.3",
        ["CompileTime"] = "Tue Dec  6 16:12:30 CST 2022",
        ["type"] = miner.Options.Hardware.Model,
    };

    private static JsonObject Item(string type, string status, int code, string message) =>
        new() { ["type"] = type, ["status"] = status, ["code"] = code, ["msg"] = message };
}
