using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Braiins;

/// <summary>
/// The Braiins OS REST read replies, drawn from the physical model. Shapes follow the Braiins OS Public REST API
/// OpenAPI 1.7.0 (mirrored in api-evangelist/braiins-academy, openapi/braiins-academy-*-api-openapi.yml): protobuf
/// fields in snake_case and oneofs as lower-cased wrapper keys (<c>tunermode</c>, <c>powertarget</c>,
/// <c>powertargetmodestate</c>); <c>miner/stats</c> power is bosminer's <c>approximated_consumption</c>.
/// </summary>
internal sealed class BraiinsSimTelemetry(BraiinsSimulator miner)
{
    /// <summary>The JSON for a GET of <paramref name="path"/> (relative to <c>/api/v1/</c>).</summary>
    public string Read(string path, MinerHardwareState state)
    {
        var spec = miner.Hardware.Spec;
        var gigahash = state.HashrateTerahash * 1000;
        JsonObject reply = path switch
        {
            "miner/details" => new JsonObject
            {
                ["uid"] = "sim-bos-0001",
                ["miner_identity"] = new JsonObject { ["brand"] = 1, ["name"] = spec.Model, ["miner_model"] = spec.Model },
                ["hostname"] = "bos-sim",
                ["mac_address"] = "02:00:00:b0:50:01",
                ["platform"] = 1,
                ["bos_version"] = new JsonObject { ["current"] = miner.Options.Version },
                ["system_uptime_s"] = (long)state.Uptime.TotalSeconds,
                ["bosminer_uptime_s"] = (long)state.Uptime.TotalSeconds,
                // 2 NORMAL, 3 PAUSED (Braiins OS Public REST API, OpenAPI 1.7.0).
                ["status"] = state.Phase == MinerPhase.Sleeping ? 3 : 2,
                ["sticker_hashrate"] = new JsonObject { ["gigahash_per_second"] = Math.Round(spec.NominalPowerWatts / spec.JoulesPerTerahash * 1000, 1) },
            },
            "miner/stats" => new JsonObject
            {
                ["pool_stats"] = new JsonObject { ["accepted_shares"] = 18342, ["rejected_shares"] = 21, ["stale_shares"] = 3 },
                ["miner_stats"] = new JsonObject
                {
                    ["real_hashrate"] = new JsonObject
                    {
                        ["last_5s"] = Gigahash(gigahash),
                        ["last_1m"] = Gigahash(gigahash),
                        ["last_15m"] = Gigahash(gigahash),
                    },
                    ["nominal_hashrate"] = Gigahash(state.TargetPowerWatts / spec.JoulesPerTerahash * 1000),
                },
                ["power_stats"] = new JsonObject
                {
                    ["approximated_consumption"] = new JsonObject { ["watt"] = (int)Math.Round(state.PowerWatts) },
                    ["efficiency"] = new JsonObject
                    {
                        ["joule_per_terahash"] = state.HashrateTerahash > 0 ? Math.Round(state.PowerWatts / state.HashrateTerahash, 1) : 0,
                    },
                },
            },
            "miner/hw/hashboards" => new JsonObject
            {
                ["hashboards"] = new JsonArray([.. Enumerable.Range(1, spec.HashboardCount).Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = i.ToString(CultureInfo.InvariantCulture),
                    ["enabled"] = true,
                    ["chips_count"] = 126,
                    ["board_temp"] = new JsonObject { ["degree_c"] = Math.Round(state.BoardTemperature, 1) },
                    ["highest_chip_temp"] = new JsonObject { ["temperature"] = new JsonObject { ["degree_c"] = Math.Round(state.ChipTemperature, 1) } },
                    ["stats"] = new JsonObject { ["real_hashrate"] = new JsonObject { ["last_5s"] = Gigahash(gigahash / spec.HashboardCount) } },
                })]),
            },
            "miner/errors" => new JsonObject { ["errors"] = new JsonArray() },
            "cooling/state" => new JsonObject
            {
                ["fans"] = new JsonArray([.. Enumerable.Range(0, spec.FanCount).Select(i => (JsonNode)new JsonObject
                {
                    ["position"] = i,
                    ["rpm"] = state.FanRpm,
                    ["target_speed_ratio"] = Math.Round((double)state.FanRpm / spec.FanMaximumRpm, 2),
                })]),
                ["highest_temperature"] = new JsonObject { ["temperature"] = new JsonObject { ["degree_c"] = Math.Round(state.ChipTemperature, 1) } },
            },
            // The REST shape of the PerformanceModeMode oneof (Braiins OS Public REST API OpenAPI 1.7.0, GET
            // /api/v1/performance/mode, schemas TunerPerformanceMode / TunerPerformanceModeTarget / PowerTargetMode;
            // mirrored in api-evangelist/braiins-academy openapi/braiins-academy-performance-api-openapi.yml).
            "performance/mode" => new JsonObject
            {
                ["tunermode"] = new JsonObject
                {
                    ["target"] = new JsonObject
                    {
                        ["powertarget"] = new JsonObject { ["power_target"] = new JsonObject { ["watt"] = state.TargetPowerWatts } },
                    },
                },
            },
            "performance/tuner-state" => new JsonObject
            {
                ["overall_tuner_state"] = 2,
                ["mode_state"] = new JsonObject
                {
                    ["powertargetmodestate"] = new JsonObject { ["current_target"] = new JsonObject { ["watt"] = state.TargetPowerWatts } },
                },
            },
            _ => new JsonObject
            {
                ["tuner_constraints"] = new JsonObject
                {
                    ["power_target"] = new JsonObject
                    {
                        ["min"] = new JsonObject { ["watt"] = spec.MinimumPowerWatts },
                        ["max"] = new JsonObject { ["watt"] = spec.NominalPowerWatts },
                        ["default"] = new JsonObject { ["watt"] = spec.NominalPowerWatts },
                    },
                },
            },
        };
        return reply.ToJsonString();
    }

    private static JsonObject Gigahash(double value) => new() { ["gigahash_per_second"] = Math.Round(value, 1) };
}
