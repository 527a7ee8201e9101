using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>The fields of <c>get.device.info</c> that the driver uses (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it).</summary>
public sealed record WhatsminerV3DeviceInfo
{
    /// <summary>The model, e.g. M50S (msg.miner.type).</summary>
    public string? Model { get; init; }

    /// <summary>The firmware version (msg.system.fwversion).</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>The API version (msg.system.api).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Whether the miner service is running (msg.miner.working).</summary>
    public bool? Working { get; init; }

    /// <summary>Error codes (msg.error-code[]: numbers, strings, or objects keyed by code).</summary>
    public IReadOnlyList<string> ErrorCodes { get; init; } = [];

    /// <summary>The salt for signing writes (msg.salt), when included.</summary>
    public string? Salt { get; init; }

    /// <summary>Reads the device info from a <c>get.device.info</c> reply (whole, or with param <c>salt</c>).</summary>
    public static WhatsminerV3DeviceInfo Parse(WhatsminerV3Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var m = reply.Message;
        var miner = WhatsminerJson.Get(m, "miner") ?? default;
        var system = WhatsminerJson.Get(m, "system") ?? default;
        return new WhatsminerV3DeviceInfo
        {
            Model = WhatsminerJson.Text(miner, "type"),
            FirmwareVersion = WhatsminerJson.Text(system, "fwversion"),
            ApiVersion = WhatsminerJson.Text(system, "api"),
            Working = WhatsminerJson.Bool(miner, "working"),
            ErrorCodes = ReadErrors(WhatsminerJson.Get(m, "error-code")),
            Salt = WhatsminerJson.Text(m, "salt"),
        };
    }

    private static IReadOnlyList<string> ReadErrors(JsonElement? errors) => errors is { ValueKind: JsonValueKind.Array } array
        ? [.. array.EnumerateArray().SelectMany(e => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().Select(p => p.Name),
            JsonValueKind.String => [e.GetString() ?? ""],
            _ => [e.GetRawText()],
        })]
        : [];
}
