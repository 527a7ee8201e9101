using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>Reads the VNish REST replies (VNish's OpenAPI document, as published in asic-rs).</summary>
internal static partial class VNishReplyParser
{
    /// <summary>Reads the unlock answer's token.</summary>
    /// <exception cref="MinerProtocolException">There is no token.</exception>
    public static string ParseToken(JsonElement reply) =>
        JsonValues.Text(reply, "token") is { Length: > 0 } token
            ? token
            : throw new MinerProtocolException("The unlock answer has no token.");

    /// <summary>Reads the summary.</summary>
    /// <exception cref="MinerProtocolException">There is no <c>miner</c> object.</exception>
    public static VNishSummary ParseSummary(JsonElement reply)
    {
        if (JsonValues.At(reply, "miner") is not { ValueKind: JsonValueKind.Object } miner)
        {
            throw new MinerProtocolException("The summary has no miner object.");
        }

        var boards = new List<double>();
        var chips = new List<double>();
        var errors = new List<string>();
        foreach (var chain in JsonValues.Items(miner, "chains"))
        {
            if (JsonValues.Number(chain, "pcb_temp", "max") is { } pcb)
            {
                boards.Add(pcb);
            }

            if (JsonValues.Number(chain, "chip_temp", "max") is { } chip)
            {
                chips.Add(chip);
            }

            if (JsonValues.Text(chain, "status", "state") is "failure")
            {
                var id = JsonValues.Number(chain, "id") ?? boards.Count;
                var why = JsonValues.Text(chain, "status", "description") ?? "failure";
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"chain {id}: {why}"));
            }
        }

        var fans = JsonValues.Items(miner, "cooling", "fans")
            .Select(f => JsonValues.Number(f, "rpm")).OfType<double>().Select(r => (int)Math.Round(r)).ToList();
        return new VNishSummary(
            JsonValues.Text(miner, "miner_status", "miner_state"),
            JsonValues.Text(miner, "miner_type"),
            JsonValues.Number(miner, "hr_realtime") ?? JsonValues.Number(miner, "instant_hashrate"),
            // power_usage is the older name (pyasic still reads it).
            JsonValues.Number(miner, "power_consumption") ?? JsonValues.Number(miner, "power_usage"),
            boards,
            chips,
            fans,
            errors);
    }

    /// <summary>Reads the model and uptime of <c>/info</c>.</summary>
    public static (string? Model, TimeSpan? Uptime) ParseInfo(JsonElement reply) =>
        (JsonValues.Text(reply, "miner") ?? JsonValues.Text(reply, "model"), ParseUptime(JsonValues.Text(reply, "system", "uptime")));

    /// <summary>
    /// Reads an uptime such as "0:06" (hours:minutes), "5:03:27", "2 days, 3:04" or "3d 04:05";
    /// null when it is none of these.
    /// </summary>
    public static TimeSpan? ParseUptime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = UptimePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(Part("d"), Part("h"), Part("m"), Part("s"));
    }

    /// <summary>Reads the current preset of <c>/perf-summary</c> (a name, or an object with one).</summary>
    public static string? ParseCurrentPreset(JsonElement reply) => JsonValues.At(reply, "current_preset") switch
    {
        { ValueKind: JsonValueKind.String } name => name.GetString(),
        { ValueKind: JsonValueKind.Object } preset => JsonValues.Text(preset, "name"),
        _ => null,
    };

    /// <summary>Reads the preset list.</summary>
    public static IReadOnlyList<VNishPreset> ParsePresets(JsonElement reply)
    {
        var items = reply.ValueKind == JsonValueKind.Array ? reply.EnumerateArray() : JsonValues.Items(reply, "presets");
        return [.. items
            .Select(p => (Name: JsonValues.Text(p, "name"), Pretty: JsonValues.Text(p, "pretty"), Status: JsonValues.Text(p, "status")))
            .Where(p => !string.IsNullOrEmpty(p.Name))
            .Select(p => new VNishPreset(p.Name!, WattsOf(p.Name!, p.Pretty), string.Equals(p.Status, "tuned", StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Reads the settings answer.</summary>
    public static VNishSettingsResult ParseSettingsResult(JsonElement? reply) => reply is { } json
        ? new VNishSettingsResult(JsonValues.Flag(json, "restart_required") ?? false, JsonValues.Flag(json, "reboot_required") ?? false)
        : new VNishSettingsResult(false, false);

    /// <summary>The body that selects <paramref name="preset"/>.</summary>
    public static string PresetBody(string preset) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["miner"] = new Dictionary<string, object> { ["overclock"] = new Dictionary<string, string> { ["preset"] = preset } },
        });

    /// <summary>The body of an unlock.</summary>
    public static string UnlockBody(string password) => JsonSerializer.Serialize(new Dictionary<string, string> { ["pw"] = password });

    /// <summary>A preset's watts: its name when numeric, else the number before "watt" in the pretty text.</summary>
    public static int? WattsOf(string name, string? pretty)
    {
        if (int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var watts) && watts > 0)
        {
            return watts;
        }

        var match = pretty is null ? null : PrettyWatts().Match(pretty);
        return match is { Success: true } && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out watts) ? watts : null;
    }

    [GeneratedRegex(@"^(?:(?<d>\d+)\s*d(?:ays?)?,?\s*)?(?<h>\d+):(?<m>\d{1,2})(?::(?<s>\d{1,2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex UptimePattern();

    [GeneratedRegex(@"(\d+)\s*watt", RegexOptions.IgnoreCase)]
    private static partial Regex PrettyWatts();
}
