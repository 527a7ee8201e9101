using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>
/// The stock firmware's web server (pyasic's stock-Antminer web API): every path, the root
/// included, sits behind HTTP Digest for realm <c>antMiner Configuration</c>; the cgi endpoints
/// answer JSON. <c>set_miner_conf.cgi</c> takes the mode from <c>miner-mode</c> only — a body with
/// just <c>bitmain-work-mode</c> is acknowledged with M000 and changes nothing, as S19j Pro firmware
/// does (asic-rs #245).
/// </summary>
internal sealed class AntminerSimWeb(AntminerSimulator miner)
{
    /// <summary>Answers one request; throws <see cref="IOException"/> (closing the connection) while the miner reboots.</summary>
    public async Task<SimHttpResponse> HandleAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        if (miner.IsRebooting)
        {
            throw new IOException("The miner is rebooting.");
        }

        var response = await RouteAsync(request, cancellationToken);
        miner.Record($"{request.Method} {request.Path} {response.Status.ToString(CultureInfo.InvariantCulture)}");
        return response;
    }

    private async Task<SimHttpResponse> RouteAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        // A changed password (the WrongPassword fault) refuses the credentials every client was given.
        var password = miner.Faults.WrongPassword ? miner.Options.Password + "-changed" : miner.Options.Password;
        var verdict = miner.Digest.Check(request, miner.Options.Username, password);
        if (verdict != SimDigestVerdict.Accepted)
        {
            return new SimHttpResponse(401, "<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>", "text/html")
            {
                Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = miner.Digest.Challenge(stale: verdict == SimDigestVerdict.Stale) },
            };
        }

        return (request.Method, request.Path) switch
        {
            ("GET", "/") => new SimHttpResponse(200, "<html><head><title>Antminer</title></head><body>Antminer Configuration</body></html>", "text/html"),
            ("GET", "/cgi-bin/get_miner_conf.cgi") => SimHttpResponse.Json(MinerConf().ToJsonString()),
            ("POST", "/cgi-bin/set_miner_conf.cgi") => await SetMinerConfAsync(request.Body, cancellationToken),
            ("GET", "/cgi-bin/get_system_info.cgi") => SimHttpResponse.Json(SystemInfo().ToJsonString()),
            ("GET", "/cgi-bin/summary.cgi") => SimHttpResponse.Json(AntminerSimCgiReplies.Summary(miner).ToJsonString()),
            ("GET", "/cgi-bin/stats.cgi") => SimHttpResponse.Json(AntminerSimCgiReplies.Stats(miner).ToJsonString()),
            ("GET", "/cgi-bin/reboot.cgi") => Reboot(),
            _ => new SimHttpResponse(404, "<html><body>404 Not Found</body></html>", "text/html"),
        };
    }

    private JsonObject MinerConf()
    {
        var pools = new JsonArray();
        foreach (var (url, user, pass) in miner.Pools)
        {
            pools.Add(new JsonObject { ["url"] = url, ["user"] = user, ["pass"] = pass });
        }

        return new JsonObject
        {
            ["pools"] = pools,
            ["api-listen"] = true,
            ["api-network"] = true,
            ["api-groups"] = "A:stats:pools:devs:summary:version",
            ["api-allow"] = "A:0/0,W:*",
            ["bitmain-fan-ctrl"] = false,
            ["bitmain-fan-pwm"] = "100",
            ["bitmain-use-vil"] = true,
            ["bitmain-freq"] = "675",
            ["bitmain-voltage"] = "1400",
            ["bitmain-ccdelay"] = "0",
            ["bitmain-pwth"] = "0",
            ["bitmain-work-mode"] = miner.WorkMode.ToString(CultureInfo.InvariantCulture),
            ["bitmain-freq-level"] = "100",
        };
    }

    private async Task<SimHttpResponse> SetMinerConfAsync(string body, CancellationToken cancellationToken)
    {
        if (miner.Options.SetConfigurationDelay > TimeSpan.Zero)
        {
            await Task.Delay(miner.Options.SetConfigurationDelay, miner.Time, cancellationToken);
        }

        JsonObject conf;
        try
        {
            conf = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Error("M001", "Invalid configuration");
        }

        if (conf["pools"] is JsonArray pools)
        {
            miner.Pools = [.. pools.Take(3).Select(p => (Text(p, "url"), Text(p, "user"), Text(p, "pass")))];
        }

        if (conf["miner-mode"] is { } modeNode)
        {
            if (!int.TryParse(modeNode.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var mode) || !miner.HasMode(mode))
            {
                return Error("M001", $"Unsupported miner-mode {modeNode.ToJsonString()}");
            }

            if (!miner.Options.AcknowledgeWithoutApplying)
            {
                miner.ApplyWorkMode(mode);
            }
        }

        return SimHttpResponse.Json("""{"stats":"success","code":"M000","msg":"OK!"}""");
    }

    private JsonObject SystemInfo() => new()
    {
        ["minertype"] = miner.Options.Hardware.Model,
        ["nettype"] = "DHCP",
        ["netdevice"] = "eth0",
        ["macaddr"] = "02:00:00:19:50:01",
        ["hostname"] = "Antminer",
        ["ipaddress"] = "127.0.0.1",
        ["system_mode"] = "GNU/Linux",
        ["system_filesystem_version"] = "Tue Dec  6 16:12:30 CST 2022",
        ["firmware_type"] = "Release",
        ["serinum"] = "JYZZSIM0000001",
        ["Algorithm"] = "SHA256d",
    };

    private SimHttpResponse Reboot()
    {
        miner.Reboot();
        return SimHttpResponse.Json("""{"stats":"success","code":"R000","msg":"Rebooting"}""");
    }

    private static SimHttpResponse Error(string code, string message) =>
        SimHttpResponse.Json(new JsonObject { ["stats"] = "error", ["code"] = code, ["msg"] = message }.ToJsonString());

    private static string Text(JsonNode? node, string name) => node?[name]?.ToString() ?? "";
}
