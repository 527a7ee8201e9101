using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Whatsminer;

/// <summary>
/// Tells the API generation from the firmware version (pyasic's firmware detection): a firmware dated after
/// 2024-11 (e.g. <c>20250321.14.Rel</c>) speaks API v3 on TCP 4433; older ones API v2 on 4028.
/// </summary>
public static partial class WhatsminerFirmware
{
    /// <summary>The first firmware date taken as API v3.</summary>
    public static DateOnly FirstApiV3Date { get; } = new(2024, 12, 1);

    /// <summary>The build date at the start of a firmware version, or null when there is none.</summary>
    public static DateOnly? TryParseDate(string? firmwareVersion)
    {
        var match = firmwareVersion is null ? null : DatePrefix().Match(firmwareVersion);
        return match is { Success: true }
            && DateOnly.TryParseExact(match.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>Whether the firmware speaks API v3; null when its version carries no date.</summary>
    public static bool? IsApiV3(string? firmwareVersion) => TryParseDate(firmwareVersion) is { } date ? date >= FirstApiV3Date : null;

    /// <summary>
    /// Whether the firmware named in an RPC <c>version</c> reply speaks API v3: the first string
    /// value in the reply that carries a firmware date decides; null when none does.
    /// </summary>
    public static bool? IsApiV3FromVersionReply(string? reply)
    {
        if (reply is null)
        {
            return null;
        }

        if (!CgminerJson.TryParse(reply, out var document))
        {
            return IsApiV3(reply);
        }

        using (document)
        {
            return Strings(document.RootElement).Select(IsApiV3).FirstOrDefault(v => v is not null);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString() ?? ""],
        _ => [],
    };

    [GeneratedRegex(@"(?<![0-9])(20[0-9]{6})(?![0-9])")]
    private static partial Regex DatePrefix();
}
