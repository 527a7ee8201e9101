namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>The fields of <c>get.miner.status</c> / <c>summary</c> that matter for heating (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it).</summary>
public sealed record WhatsminerV3Summary
{
    private static readonly string[] ChipTemperatureNames = ["chip-temp-min", "chip-temp-avg", "chip-temp-max"];
    private static readonly string[] FanNames = ["fan-speed-in", "fan-speed-out"];

    /// <summary>Real-time hashrate, TH/s.</summary>
    public double? HashrateTerahash { get; init; }

    /// <summary>Real-time power, W.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>The power limit, W.</summary>
    public int? PowerLimitWatts { get; init; }

    /// <summary>Chip temperatures: minimum, average, maximum, °C (those given).</summary>
    public IReadOnlyList<double> ChipTemperatures { get; init; } = [];

    /// <summary>Hashboard temperatures, °C.</summary>
    public IReadOnlyList<double> BoardTemperatures { get; init; } = [];

    /// <summary>Air intake temperature, °C.</summary>
    public double? EnvironmentTemperature { get; init; }

    /// <summary>Fan speeds in and out, RPM.</summary>
    public IReadOnlyList<int> FanRpm { get; init; } = [];

    /// <summary>Seconds since mining started.</summary>
    public long? ElapsedSeconds { get; init; }

    /// <summary>Whether the frequency ramp after a start has finished.</summary>
    public bool? UpFreqFinished { get; init; }

    /// <summary>Reads the summary from a <c>get.miner.status</c> reply with param <c>summary</c>.</summary>
    /// <exception cref="FormatException">The reply has no msg.summary object.</exception>
    public static WhatsminerV3Summary Parse(WhatsminerV3Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var s = WhatsminerJson.Get(reply.Message, "summary") is { ValueKind: System.Text.Json.JsonValueKind.Object } summary
            ? summary
            : throw new FormatException("the reply has no msg.summary");
        return new WhatsminerV3Summary
        {
            HashrateTerahash = WhatsminerJson.Double(s, "hash-realtime"),
            PowerWatts = WhatsminerJson.Double(s, "power-realtime"),
            PowerLimitWatts = WhatsminerJson.Int(s, "power-limit"),
            ChipTemperatures = [.. ChipTemperatureNames
                .Select(n => WhatsminerJson.Double(s, n)).OfType<double>()],
            BoardTemperatures = WhatsminerJson.Doubles(s, "board-temperature"),
            EnvironmentTemperature = WhatsminerJson.Double(s, "environment-temperature"),
            FanRpm = [.. FanNames.Select(n => WhatsminerJson.Int(s, n)).OfType<int>()],
            ElapsedSeconds = WhatsminerJson.Get(s, "elapsed") is { } e ? WhatsminerJson.Long(e) : null,
            UpFreqFinished = WhatsminerJson.Bool(s, "up-freq-finish"),
        };
    }
}
