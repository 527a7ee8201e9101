using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>
/// Answers one LuxOS RPC request. Reads need no session; writes take the live session id as
/// their first parameter. Codes and texts follow LuxOS's API docs; the ones the
/// docs do not give (session listing, logoff, ATM set, refusals) are reconstructed.
/// </summary>
internal sealed class LuxOsRpcHandler(LuxOsSimulator miner)
{
    private const int InvalidCommand = 14;
    private const int InvalidJson = 23;
    private const int SessionInfo = 317;
    private const int SessionEnded = 318;
    private const int AtmUpdated = 340;
    private const int Rebooting = 350;
    private const int InvalidSession = 403;
    private const int ParameterRefused = 404;
    private readonly object _gate = new();
    private readonly LuxOsTelemetry _telemetry = new(miner);

    /// <summary>The reply text, or null to close without one (the miner is rebooting).</summary>
    public string? Handle(string request)
    {
        if (miner.Hardware.Read().IsApiDown)
        {
            return null;
        }

        string command;
        string[] parameters;
        try
        {
            using var document = JsonDocument.Parse(request);
            command = document.RootElement.GetProperty("command").GetString() ?? "";
            parameters = document.RootElement.TryGetProperty("parameter", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()!.Split(',', StringSplitOptions.TrimEntries)
                : [];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return miner.Replies.Error(InvalidJson, "Invalid JSON");
        }

        lock (_gate)
        {
            miner.Record(command);
            return Dispatch(command.ToLowerInvariant(), parameters);
        }
    }

    private string Dispatch(string command, string[] parameters) => command switch
    {
        "version" or "config" or "summary" or "devs" or "stats" or "power" or "profiles" or "fans" => _telemetry.Reply(command),
        "atm" => Atm(),
        "logon" => Logon(),
        "session" => miner.Replies.Ok("SESSION", LuxOsSimReplies.One(new JsonObject { ["SessionID"] = miner.Sessions.Active ?? "" }),
            SessionInfo, "Session"),
        "logoff" => parameters.Length > 0 && miner.Sessions.Logoff(parameters[0])
            ? miner.Replies.Ok("SESSION", [], SessionEnded, "Session ended")
            : miner.Replies.Error(InvalidSession, "Invalid session id"),
        "kill" => Kill(),
        "curtail" or "profileset" or "atmset" or "rebootdevice" or "resetminer" => Privileged(command, parameters),
        _ => miner.Replies.Error(InvalidCommand, "Invalid command"),
    };

    private string Logon()
    {
        var session = miner.Sessions.TryLogon();
        return session is null
            ? miner.Replies.Error(402, "Another session is active")
            : miner.Replies.Ok("SESSION", LuxOsSimReplies.One(new JsonObject { ["SessionID"] = session }), 316, "Session created");
    }

    private string Kill()
    {
        miner.Sessions.Kill();
        return miner.Replies.Ok("SESSION", [], SessionEnded, "Session killed");
    }

    private string Privileged(string command, string[] parameters)
    {
        if (parameters.Length == 0 || !miner.Sessions.Use(parameters[0]))
        {
            return miner.Replies.Error(InvalidSession, "Invalid session id");
        }

        var argument = parameters.Length > 1 ? parameters[1] : "";
        return command switch
        {
            "curtail" => Curtail(argument),
            "profileset" => ProfileSet(argument),
            "atmset" => AtmSet(argument),
            _ => Reboot(),
        };
    }

    private string Curtail(string action)
    {
        switch (action.ToLowerInvariant())
        {
            case "sleep":
                miner.IsCurtailed = true;
                miner.Hardware.Sleep();
                return miner.Replies.Ok("CURTAIL", LuxOsSimReplies.One(new JsonObject { ["Action"] = "sleep mode" }), 335, "Curtailment command sent");
            case "wakeup":
                miner.IsCurtailed = false;
                miner.Hardware.Wake();
                return miner.Replies.Ok("CURTAIL", LuxOsSimReplies.One(new JsonObject { ["Action"] = "wake up" }), 335, "Curtailment command sent");
            default:
                return miner.Replies.Error(ParameterRefused, "Invalid curtail action: " + action);
        }
    }

    private string ProfileSet(string selector)
    {
        if (miner.AtmEnabled)
        {
            return miner.Replies.Error(ParameterRefused, "Cannot set profile while ATM is enabled");
        }

        var profile = miner.Profiles.FirstOrDefault(p => string.Equals(p.Name, selector, StringComparison.OrdinalIgnoreCase))
            ?? (selector.EndsWith('W') && int.TryParse(selector.AsSpan(0, selector.Length - 1), out var watts)
                ? miner.Profiles.Where(p => p.Watts <= watts).MaxBy(p => p.Watts) ?? miner.Profiles[0]
                : null);
        if (profile is null)
        {
            return miner.Replies.Error(ParameterRefused, "Profile not found: " + selector);
        }

        if (!miner.IgnoreProfileChanges)
        {
            miner.Profile = profile.Name;
            miner.Hardware.SetPowerTarget(profile.Watts);
        }

        return miner.Replies.Ok("PROFILE", LuxOsSimReplies.One(new JsonObject
        {
            ["Board"] = 0,
            ["FrequencyStep"] = 5,
            ["Profile"] = profile.Name,
            ["VoltageStep"] = 0.05,
        }), 321, "Profile Set");
    }

    private string Atm() => miner.Replies.Ok("ATM", LuxOsSimReplies.One(new JsonObject
    {
        ["Enabled"] = miner.AtmEnabled,
        ["MaxProfile"] = miner.Profiles[^1].Name,
        ["MinProfile"] = miner.Profiles[0].Name,
        ["PostRampMinutes"] = 1,
        ["StartupMinutes"] = 1,
        ["TempWindow"] = 3.0,
    }), 339, "ATM configuration values");

    private string AtmSet(string setting)
    {
        var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("enabled", StringComparison.OrdinalIgnoreCase) || !bool.TryParse(parts[1], out var enabled))
        {
            return miner.Replies.Error(ParameterRefused, "Invalid ATM setting: " + setting);
        }

        miner.AtmEnabled = enabled;
        return miner.Replies.Ok("ATM", LuxOsSimReplies.One(new JsonObject { ["Enabled"] = enabled }), AtmUpdated, "ATM configuration updated");
    }

    private string Reboot()
    {
        miner.Sessions.Kill();
        miner.Hardware.Restart();
        return miner.Replies.Ok("REBOOT", [], Rebooting, "Reboot requested");
    }
}
