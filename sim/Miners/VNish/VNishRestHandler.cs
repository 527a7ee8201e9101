using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.VNish;

/// <summary>
/// Routes the VNish REST API. <c>info</c>, <c>status</c>, <c>perf-summary</c> and <c>summary</c>
/// are open; everything else needs the unlock token (raw, or after "Bearer "). Wrong passwords
/// give 403 and, after too many in a row, 429 with <c>unlock_timeout</c>. A mining restart keeps
/// the API up (the state says "restarting"); a reboot takes the port down
/// (<see cref="VNishSimulator.RebootAsync"/>).
/// </summary>
internal sealed class VNishRestHandler(VNishSimulator miner)
{
    private const string Api = "/api/v1/";
    private readonly object _gate = new();
    private readonly VNishSimTelemetry _telemetry = new(miner);
    private int _wrongUnlocks;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>Answers one request.</summary>
    public Task<SimHttpResponse> HandleAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        miner.Record(request);
        if (!request.Path.StartsWith(Api, StringComparison.Ordinal))
        {
            return Task.FromResult(request.Path == "/" && request.Method == "GET"
                ? new SimHttpResponse(200, "<!doctype html><html><head><title>AnthillOS</title></head><body><div id=\"app\"></div></body></html>", "text/html")
                : SimHttpResponse.NotFound());
        }

        var route = request.Method + " " + request.Path[Api.Length..].TrimEnd('/');
        lock (_gate)
        {
            var state = miner.Hardware.Read();
            return Task.FromResult(route switch
            {
                "POST unlock" => Unlock(request.Body),
                "GET info" or "GET status" or "GET perf-summary" or "GET summary" => SimHttpResponse.Json(_telemetry.Read(route[4..], state)),
                _ when !miner.Tokens.Accept(request.Header("Authorization")) => Error(401, "Unauthorized"),
                "GET autotune/presets" or "GET settings" => SimHttpResponse.Json(_telemetry.Read(route[4..], state)),
                "POST settings" => Settings(request.Body),
                "POST mining/pause" => Pause(state),
                "POST mining/resume" => Resume(),
                "POST mining/stop" => Stop(),
                "POST mining/start" => Resume(),
                "POST mining/restart" => Restart(),
                _ => SimHttpResponse.NotFound(),
            });
        }
    }

    private SimHttpResponse Unlock(string body)
    {
        var now = miner.Time.GetUtcNow();
        if (now < _lockedUntil)
        {
            return new SimHttpResponse(429, new JsonObject { ["unlock_timeout"] = (int)Math.Ceiling((_lockedUntil - now).TotalSeconds) }.ToJsonString());
        }

        string? password = null;
        try
        {
            password = (string?)JsonNode.Parse(body)?["pw"];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Error(400, "Invalid JSON body");
        }

        if (miner.Faults.WrongPassword || password != miner.Options.Password)
        {
            if (++_wrongUnlocks >= miner.Options.MaximumUnlockAttempts)
            {
                _wrongUnlocks = 0;
                _lockedUntil = now + miner.Options.UnlockLockout;
            }

            return Error(403, "Wrong password");
        }

        _wrongUnlocks = 0;
        return SimHttpResponse.Json(new JsonObject { ["token"] = miner.Tokens.Issue() }.ToJsonString());
    }

    private SimHttpResponse Settings(string body)
    {
        string? name;
        try
        {
            name = (string?)JsonNode.Parse(body)?["miner"]?["overclock"]?["preset"];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Error(400, "Invalid JSON body");
        }

        var preset = miner.Options.Presets.FirstOrDefault(p => p.Name == name);
        if (name is not null && preset is null)
        {
            return Error(400, "Unknown preset: " + name);
        }

        var restart = false;
        if (preset is not null && preset.Name != miner.SavedPreset && !miner.IgnorePresetChanges)
        {
            miner.SavedPreset = preset.Name;
            restart = miner.Options.PresetChangeRequiresRestart;
            if (!restart)
            {
                Apply(preset);
            }
        }

        return SimHttpResponse.Json(new JsonObject { ["restart_required"] = restart, ["reboot_required"] = false }.ToJsonString());
    }

    private SimHttpResponse Pause(MinerHardwareState state)
    {
        if (state.IsApiDown)
        {
            return Error(500, "CGMiner err: Cgminer error failed-to-activate-pause-mode ");
        }

        miner.IsPaused = true;
        miner.Hardware.Sleep();
        return new SimHttpResponse(200, "");
    }

    private SimHttpResponse Resume()
    {
        miner.IsPaused = miner.IsStopped = false;
        miner.Hardware.Wake();
        return new SimHttpResponse(200, "");
    }

    private SimHttpResponse Stop()
    {
        miner.StopMining();
        return new SimHttpResponse(200, "");
    }

    // A mining restart applies the saved settings and ends a pause.
    private SimHttpResponse Restart()
    {
        miner.IsPaused = miner.IsStopped = false;
        miner.Hardware.Wake();
        Apply(miner.Options.Presets.First(p => p.Name == miner.SavedPreset));
        miner.Hardware.Restart();
        return new SimHttpResponse(200, "");
    }

    private void Apply(VNishSimPreset preset)
    {
        miner.RunningPreset = preset.Name;
        miner.Hardware.SetPowerTarget(miner.PresetWatts(preset.Name));
        miner.AutotuneUntil = preset.IsTuned ? DateTimeOffset.MinValue : miner.Time.GetUtcNow() + miner.Options.AutotuneDuration;
    }

    private static SimHttpResponse Error(int status, string message) => new(status, new JsonObject { ["err"] = message }.ToJsonString());
}
