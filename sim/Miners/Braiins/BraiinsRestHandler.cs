using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Braiins;

/// <summary>
/// Routes the Braiins OS REST API. Everything under <c>/api/v1</c> except the login needs a live
/// token in <c>Authorization</c> (raw, or after "Bearer "). While bosminer restarts the API answers
/// 412 (a whole reboot takes the port off the network, see <see cref="BraiinsSimulator.RebootAsync"/>).
/// </summary>
internal sealed class BraiinsRestHandler(BraiinsSimulator miner)
{
    private const string Api = "/api/v1/";
    private readonly BraiinsSimTelemetry _telemetry = new(miner);

    /// <summary>Answers one request.</summary>
    public Task<SimHttpResponse> HandleAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        miner.Record(request);
        var state = miner.Hardware.Read();
        if (!request.Path.StartsWith(Api, StringComparison.Ordinal))
        {
            return Task.FromResult(request.Path == "/" && request.Method == "GET"
                ? new SimHttpResponse(200, "<!doctype html><html><head><title>Braiins OS</title></head><body><div id=\"root\"></div></body></html>", "text/html")
                : SimHttpResponse.NotFound());
        }

        var route = request.Method + " " + request.Path[Api.Length..].TrimEnd('/');
        if (route == "POST auth/login")
        {
            return Task.FromResult(Login(request.Body));
        }

        if (!miner.Tokens.Accept(request.Header("Authorization")))
        {
            return Task.FromResult(Message(401, "Unauthenticated: missing or expired token"));
        }

        if (state.IsApiDown)
        {
            return Task.FromResult(Message(412, "BOSminer is not running"));
        }

        return Task.FromResult(route switch
        {
            "GET miner/details" or "GET miner/stats" or "GET miner/hw/hashboards" or "GET miner/errors" or "GET cooling/state"
                or "GET performance/mode" or "GET performance/tuner-state" or "GET configuration/constraints"
                => SimHttpResponse.Json(_telemetry.Read(route[4..], state)),
            "PUT performance/power-target" => SetPowerTarget(request.Body),
            "PUT actions/pause" => Pause(),
            "PUT actions/resume" => Resume(),
            _ => SimHttpResponse.NotFound(),
        });
    }

    private SimHttpResponse Login(string body)
    {
        string? user = null, password = null;
        try
        {
            var json = JsonNode.Parse(body);
            user = (string?)json?["username"];
            password = (string?)json?["password"];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Message(400, "Invalid JSON body");
        }

        if (miner.Faults.WrongPassword || user != miner.Options.Username || password != miner.Options.Password)
        {
            return Message(401, "Invalid username or password");
        }

        var token = miner.Tokens.Issue();
        return SimHttpResponse.Json(new JsonObject { ["token"] = token, ["timeout_s"] = (long)miner.Options.TokenLifetime.TotalSeconds }.ToJsonString());
    }

    private SimHttpResponse SetPowerTarget(string body)
    {
        int watts;
        try
        {
            watts = (int)JsonNode.Parse(body)!["watt"]!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            return Message(400, "Expected {\"watt\":N}");
        }

        var spec = miner.Hardware.Spec;
        if (watts < spec.MinimumPowerWatts || watts > spec.NominalPowerWatts)
        {
            return Message(400, $"Power target {watts} W is outside {spec.MinimumPowerWatts}..{spec.NominalPowerWatts} W");
        }

        // PUT /api/v1/performance/power-target answers the Power it was given ({"watt":N}, OpenAPI 1.7.0, setPowerTarget).
        if (!miner.Faults.IgnoreCommands)
        {
            miner.Hardware.SetPowerTarget(watts);
        }

        return SimHttpResponse.Json(new JsonObject { ["watt"] = watts }.ToJsonString());
    }

    // Pause and resume answer whether the miner already was in that state.
    private SimHttpResponse Pause()
    {
        var already = miner.IsPaused;
        if (!miner.Faults.IgnoreCommands)
        {
            miner.IsPaused = true;
            miner.Hardware.Sleep();
        }

        return SimHttpResponse.Json(already ? "true" : "false");
    }

    private SimHttpResponse Resume()
    {
        var already = !miner.IsPaused;
        if (!miner.Faults.IgnoreCommands)
        {
            miner.IsPaused = false;
            miner.Hardware.Wake();
        }

        return SimHttpResponse.Json(already ? "true" : "false");
    }

    private static SimHttpResponse Message(int status, string message) =>
        new(status, new JsonObject { ["message"] = message }.ToJsonString());
}
