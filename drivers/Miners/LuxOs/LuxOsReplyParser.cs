using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>Reads LuxOS's RPC replies (LuxOS's API docs).</summary>
internal static class LuxOsReplyParser
{
    /// <summary>Reads <c>config</c>.</summary>
    /// <exception cref="MinerProtocolException">There is no CONFIG section.</exception>
    public static LuxOsConfig ParseConfig(CgminerReply reply)
    {
        var config = First(reply, "CONFIG");
        var curtail = JsonValues.Text(config, "CurtailMode");
        return new LuxOsConfig(
            JsonValues.Text(config, "Model"),
            JsonValues.Text(config, "Profile"),
            curtail is not null && !string.Equals(curtail, "None", StringComparison.OrdinalIgnoreCase) && curtail.Length > 0,
            JsonValues.Flag(config, "IsAtmEnabled") ?? false);
    }

    /// <summary>Reads <c>summary</c>: hashrate (GH/s, 5 s) and uptime.</summary>
    public static (double? HashrateGigahash, TimeSpan? Uptime) ParseSummary(CgminerReply reply)
    {
        var summary = First(reply, "SUMMARY");
        var elapsed = JsonValues.Number(summary, "Elapsed");
        return (JsonValues.Number(summary, "GHS 5s") ?? JsonValues.Number(summary, "GHS av"),
            elapsed is >= 0 ? TimeSpan.FromSeconds(elapsed.Value) : null);
    }

    /// <summary>Reads <c>power</c>: the firmware's power figure, W.</summary>
    public static double? ParsePower(CgminerReply reply) => JsonValues.Number(First(reply, "POWER"), "Watts");

    /// <summary>Reads <c>devs</c>: each board's temperature, and a line for each enabled board that is not alive.</summary>
    public static (IReadOnlyList<double> BoardTemperatures, IReadOnlyList<string> Errors) ParseDevs(CgminerReply reply)
    {
        var temperatures = new List<double>();
        var errors = new List<string>();
        if (!reply.TryGetSection("DEVS", out var devs) || devs.ValueKind != JsonValueKind.Array)
        {
            return (temperatures, errors);
        }

        foreach (var board in devs.EnumerateArray())
        {
            if (JsonValues.Number(board, "Temperature") is > 0 and var temperature)
            {
                temperatures.Add(temperature);
            }

            var status = JsonValues.Text(board, "Status");
            var enabled = JsonValues.Text(board, "Enabled") is not { } flag || flag.Equals("Y", StringComparison.OrdinalIgnoreCase);
            if (enabled && status is not null && !status.Equals("Alive", StringComparison.OrdinalIgnoreCase))
            {
                var id = JsonValues.Number(board, "ID") ?? JsonValues.Number(board, "ASC") ?? temperatures.Count;
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"board {id}: {status}"));
            }
        }

        return (temperatures, errors);
    }

    /// <summary>Reads <c>stats</c>: the hottest chip per board (from the dash-joined <c>temp_chip&lt;N&gt;</c> quads) and the fans.</summary>
    public static (IReadOnlyList<double> ChipTemperatures, IReadOnlyList<int> FanRpm) ParseStats(CgminerReply reply)
    {
        var chips = new List<double>();
        var fans = new List<int>();
        if (!reply.TryGetSection("STATS", out var stats) || stats.ValueKind != JsonValueKind.Array)
        {
            return (chips, fans);
        }

        foreach (var block in stats.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.Object))
        {
            for (var board = 1; board <= 16; board++)
            {
                var quad = JsonValues.Text(block, "temp_chip" + board.ToString(CultureInfo.InvariantCulture));
                if (QuadMaximum(quad) is { } hottest)
                {
                    chips.Add(hottest);
                }
            }

            var fanCount = (int)(JsonValues.Number(block, "fan_num") ?? 0);
            for (var fan = 1; fan <= Math.Min(fanCount, 16); fan++)
            {
                if (JsonValues.Number(block, "fan" + fan.ToString(CultureInfo.InvariantCulture)) is { } rpm)
                {
                    fans.Add((int)rpm);
                }
            }
        }

        return (chips, fans);
    }

    /// <summary>Reads <c>profiles</c>, lowest power first.</summary>
    public static IReadOnlyList<LuxOsProfile> ParseProfiles(CgminerReply reply)
    {
        if (!reply.TryGetSection("PROFILES", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
        {
            throw new MinerProtocolException("The 'profiles' reply has no PROFILES section.");
        }

        return [.. profiles.EnumerateArray()
            .Select(p => (Name: JsonValues.Text(p, "Profile Name"), Watts: JsonValues.Number(p, "Watts"), Profile: p))
            .Where(p => !string.IsNullOrEmpty(p.Name) && p.Watts is > 0)
            .Select(p => new LuxOsProfile(p.Name!, (int)Math.Round(p.Watts!.Value), JsonValues.Number(p.Profile, "Hashrate"),
                JsonValues.Flag(p.Profile, "IsTuned") ?? false))
            .OrderBy(p => p.Watts)];
    }

    /// <summary>Reads <c>atm</c>: whether Advanced Thermal Management is on.</summary>
    public static bool ParseAtmEnabled(CgminerReply reply) => JsonValues.Flag(First(reply, "ATM"), "Enabled") ?? false;

    /// <summary>The session id of a <c>logon</c> or <c>session</c> reply; null when there is none.</summary>
    public static string? ParseSessionId(CgminerReply reply) =>
        reply.TryGetFirst("SESSION", out var session) && JsonValues.Text(session, "SessionID") is { Length: > 0 } id ? id : null;

    /// <summary>The model of a <c>version</c> reply (<c>VERSION[0].Type</c>).</summary>
    public static string? ParseVersionModel(CgminerReply reply) =>
        reply.TryGetFirst("VERSION", out var version) ? JsonValues.Text(version, "Type") : null;

    /// <summary>The highest value of a dash-joined quad such as "73-45-64-65"; null when all are zero or it is absent.</summary>
    public static double? QuadMaximum(string? quad)
    {
        if (string.IsNullOrEmpty(quad))
        {
            return null;
        }

        var values = quad.Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0)
            .ToList();
        return values.Count > 0 && values.Max() > 0 ? values.Max() : null;
    }

    private static JsonElement First(CgminerReply reply, string section) =>
        reply.TryGetFirst(section, out var first)
            ? first
            : throw new MinerProtocolException($"The '{reply.Command}' reply has no {section} section.");
}
