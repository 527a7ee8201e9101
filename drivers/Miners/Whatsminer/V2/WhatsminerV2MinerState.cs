namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>The <c>Msg</c> of an API v2 <c>status</c> reply (MicroBT's WhatsMiner API V2.0.5).</summary>
public sealed record WhatsminerV2MinerState
{
    /// <summary>Whether mining is off (<c>power_off</c> in effect).</summary>
    public required bool MinerOff { get; init; }

    /// <summary>The firmware version, e.g. 20240624.18.REL.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>The power mode (low, normal, high).</summary>
    public string? PowerMode { get; init; }

    /// <summary>The power limit set, W.</summary>
    public int? PowerLimitSet { get; init; }

    /// <summary>The temporary power percentage set by <c>set_power_pct</c> (0 = none).</summary>
    public int? HashPercent { get; init; }

    /// <summary>Reads the state from a <c>status</c> reply.</summary>
    /// <exception cref="FormatException">The reply's Msg is not the status object.</exception>
    public static WhatsminerV2MinerState Parse(WhatsminerV2Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var m = reply.Message;
        var off = WhatsminerJson.Bool(m, "mineroff") ?? WhatsminerJson.Bool(m, "btmineroff")
            ?? throw new FormatException("the status reply has no mineroff");
        return new WhatsminerV2MinerState
        {
            MinerOff = off,
            FirmwareVersion = WhatsminerJson.Text(m, "FirmwareVersion"),
            PowerMode = WhatsminerJson.Text(m, "power_mode"),
            PowerLimitSet = WhatsminerJson.Int(m, "power_limit_set"),
            HashPercent = WhatsminerJson.Int(m, "hash_percent"),
        };
    }
}
