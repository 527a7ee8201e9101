using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.VNish;

/// <summary>The VNish REST read replies (shapes of VNish's OpenAPI document, as published in asic-rs), drawn from the physical model.</summary>
internal sealed class VNishSimTelemetry(VNishSimulator miner)
{
    /// <summary>The JSON for a GET of <paramref name="path"/> (relative to <c>/api/v1/</c>).</summary>
    public string Read(string path, MinerHardwareState state)
    {
        var spec = miner.Hardware.Spec;
        JsonNode reply = path switch
        {
            "info" => new JsonObject
            {
                ["miner"] = spec.Model,
                ["model"] = "s19",
                ["fw_name"] = "Vnish",
                ["fw_version"] = miner.Options.Version,
                ["platform"] = "xil",
                ["install_type"] = "nand",
                ["system"] = new JsonObject { ["os"] = "GNU/Linux", ["uptime"] = Uptime(miner.Time.GetUtcNow() - miner.BootedAt) },
            },
            "status" => new JsonObject
            {
                ["miner_state"] = MinerState(state),
                ["miner_state_time"] = (long)state.Uptime.TotalSeconds,
                ["description"] = null,
                ["failure_code"] = null,
                ["find_miner"] = false,
                ["restart_required"] = miner.SavedPreset != miner.RunningPreset,
                ["reboot_required"] = false,
                ["unlocked"] = true,
                ["throttled"] = 100,
            },
            "perf-summary" => new JsonObject
            {
                ["current_preset"] = Preset(miner.Options.Presets.First(p => p.Name == miner.RunningPreset)),
                ["preset_switcher"] = new JsonObject { ["enabled"] = false, ["top_preset"] = null, ["min_preset"] = null },
            },
            "autotune/presets" => new JsonArray([.. miner.Options.Presets.Select(p => (JsonNode)Preset(p))]),
            "settings" => new JsonObject
            {
                ["miner"] = new JsonObject
                {
                    ["overclock"] = new JsonObject { ["preset"] = miner.SavedPreset },
                    ["cooling"] = new JsonObject { ["mode"] = new JsonObject { ["name"] = "auto" } },
                },
            },
            _ => Summary(state, spec),
        };
        return reply.ToJsonString();
    }

    private JsonObject Summary(MinerHardwareState state, MinerHardwareSpec spec)
    {
        var gigahash = Math.Round(state.HashrateTerahash * 1000, 1);
        var boards = spec.HashboardCount;
        return new JsonObject
        {
            ["miner"] = new JsonObject
            {
                ["miner_status"] = new JsonObject { ["miner_state"] = MinerState(state), ["miner_state_time"] = (long)state.Uptime.TotalSeconds },
                ["miner_type"] = $"{spec.Model} (Vnish {miner.Options.Version})",
                ["hr_stock"] = Math.Round(spec.NominalPowerWatts / spec.JoulesPerTerahash * 1000, 1),
                ["hr_nominal"] = Math.Round(state.TargetPowerWatts / spec.JoulesPerTerahash * 1000, 1),
                ["hr_realtime"] = gigahash,
                ["instant_hashrate"] = gigahash,
                ["average_hashrate"] = gigahash,
                ["pcb_temp"] = MinMax(state.BoardTemperature - 15, state.BoardTemperature),
                ["chip_temp"] = MinMax(state.ChipTemperature - 15, state.ChipTemperature),
                ["power_consumption"] = (int)Math.Round(state.PowerWatts),
                ["power_usage"] = (int)Math.Round(state.PowerWatts),
                ["power_efficiency"] = state.HashrateTerahash > 0 ? Math.Round(state.PowerWatts / state.HashrateTerahash, 1) : 0,
                ["hw_errors"] = 0,
                ["cooling"] = new JsonObject
                {
                    ["fan_num"] = spec.FanCount,
                    ["fan_duty"] = 100 * state.FanRpm / spec.FanMaximumRpm,
                    ["fans"] = new JsonArray([.. Enumerable.Range(0, spec.FanCount).Select(i => (JsonNode)new JsonObject
                    {
                        ["id"] = i,
                        ["rpm"] = state.FanRpm,
                        ["status"] = "ok",
                        ["max_rpm"] = spec.FanMaximumRpm,
                    })]),
                },
                ["chains"] = new JsonArray([.. Enumerable.Range(1, boards).Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = i,
                    ["frequency"] = 560.0,
                    ["voltage"] = 13400,
                    ["power_consumption"] = (int)Math.Round(state.PowerWatts / boards),
                    ["hashrate_rt"] = Math.Round(gigahash / boards, 1),
                    ["pcb_temp"] = MinMax(state.BoardTemperature - 15, state.BoardTemperature),
                    ["chip_temp"] = MinMax(state.ChipTemperature - 15, state.ChipTemperature),
                    ["status"] = new JsonObject { ["state"] = state.Phase == MinerPhase.Mining ? "mining" : "initializing" },
                })]),
                ["found_blocks"] = 0,
            },
        };
    }

    // The documented states do not name a paused miner; "paused" is reconstructed.
    private string MinerState(MinerHardwareState state) => state.Phase switch
    {
        MinerPhase.Restarting => "restarting",
        MinerPhase.Starting => "starting",
        MinerPhase.Sleeping => miner.IsStopped ? "stopped" : "paused",
        _ => miner.Time.GetUtcNow() < miner.AutotuneUntil ? "auto-tuning" : "mining",
    };

    private static JsonObject Preset(VNishSimPreset preset) => new()
    {
        ["name"] = preset.Name,
        ["pretty"] = preset.Watts > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{preset.Watts} watt ~ {Math.Round(preset.HashrateTerahash)} TH")
            : "Disabled",
        ["status"] = preset.IsTuned ? "tuned" : "untuned",
        ["modded_psu_required"] = preset.ModdedPsuRequired,
    };

    private static JsonObject MinMax(double min, double max) => new() { ["min"] = (int)Math.Round(min), ["max"] = (int)Math.Round(max) };

    private static string Uptime(TimeSpan uptime) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)uptime.TotalHours}:{uptime.Minutes:00}");
}
