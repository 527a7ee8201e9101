using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>The fields of an API v2 <c>summary</c> that matter for heating (MicroBT's WhatsMiner API V2.0.5).</summary>
public sealed record WhatsminerV2Summary
{
    /// <summary>Hashrate over the last minute, MH/s.</summary>
    public double? HashrateMhs { get; init; }

    /// <summary>Input power, W (null when the firmware says -1, unknown).</summary>
    public double? PowerWatts { get; init; }

    /// <summary>The power limit, W.</summary>
    public int? PowerLimitWatts { get; init; }

    /// <summary>The power mode: Normal, Low or High.</summary>
    public string? PowerMode { get; init; }

    /// <summary>Chip temperatures: minimum, average, maximum, °C (those given).</summary>
    public IReadOnlyList<double> ChipTemperatures { get; init; } = [];

    /// <summary>The board (or control board) temperature, °C.</summary>
    public double? Temperature { get; init; }

    /// <summary>The air intake temperature, °C.</summary>
    public double? EnvironmentTemperature { get; init; }

    /// <summary>Fan speeds in, out and the PSU fan, RPM (those given).</summary>
    public IReadOnlyList<int> FanRpm { get; init; } = [];

    /// <summary>Seconds since btminer started.</summary>
    public long? ElapsedSeconds { get; init; }

    /// <summary>The firmware version without its quotes, e.g. 20210322.22.REL.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>Error codes listed in the summary (<c>Error Code 0..n</c>, older firmware).</summary>
    public IReadOnlyList<string> ErrorCodes { get; init; } = [];

    /// <summary>Whether the summary lists errors at all (firmware before API 2.0.4); newer firmware answers <c>get_error_code</c> instead.</summary>
    public bool ListsErrors { get; init; }

    /// <summary>Reads the summary from a <c>summary</c> reply.</summary>
    /// <exception cref="FormatException">The reply has no SUMMARY.</exception>
    public static WhatsminerV2Summary Parse(WhatsminerV2Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var s = reply.Section("SUMMARY") ?? throw new FormatException("the summary reply has no SUMMARY");
        var power = WhatsminerJson.Double(s, "Power") is { } p && p >= 0 ? p
            : WhatsminerJson.Double(s, "Power_RT") is { } rt && rt >= 0 ? rt : (double?)null;
        return new WhatsminerV2Summary
        {
            HashrateMhs = WhatsminerJson.Double(s, "MHS 1m") ?? WhatsminerJson.Double(s, "HS RT") ?? WhatsminerJson.Double(s, "MHS av"),
            PowerWatts = power,
            PowerLimitWatts = WhatsminerJson.Int(s, "Power Limit"),
            PowerMode = WhatsminerJson.Text(s, "Power Mode"),
            ChipTemperatures = Present(s, "Chip Temp Min", "Chip Temp Avg", "Chip Temp Max"),
            Temperature = WhatsminerJson.Double(s, "Temperature"),
            EnvironmentTemperature = WhatsminerJson.Double(s, "Env Temp"),
            FanRpm = [.. Present(s, "Fan Speed In", "Fan Speed Out", "Power Fanspeed").Select(d => (int)d)],
            ElapsedSeconds = WhatsminerJson.Get(s, "Elapsed") is { } e ? WhatsminerJson.Long(e) : null,
            FirmwareVersion = WhatsminerJson.Text(s, "Firmware Version"),
            ErrorCodes = ReadErrorCodes(s),
            ListsErrors = WhatsminerJson.Get(s, "Error Code Count") is not null,
        };
    }

    private static IReadOnlyList<double> Present(JsonElement s, params string[] names) =>
        [.. names.Select(n => WhatsminerJson.Double(s, n)).OfType<double>()];

    private static List<string> ReadErrorCodes(JsonElement s)
    {
        var count = WhatsminerJson.Int(s, "Error Code Count") ?? 0;
        var codes = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (WhatsminerJson.Text(s, "Error Code " + i.ToString(CultureInfo.InvariantCulture)) is { Length: > 0 } code)
            {
                codes.Add(code);
            }
        }

        return codes;
    }
}
