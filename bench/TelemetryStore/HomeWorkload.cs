using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>
/// What a home records each second at the store's finest resolution: 4 zones (room, target, band), 6 sources
/// (commanded and measured power, heat, flow temperature), 4 miners (hashrate, power, chip and board temperature,
/// revenue) and the prices — 15 points carrying 59 numeric values per second, every value changing every second
/// (the worst case the store must hold; on-change recording writes less).
/// </summary>
internal static class HomeWorkload
{
    /// <summary>Points per simulated second.</summary>
    public const int PointsPerSecond = 15;

    /// <summary>Numeric values per simulated second.</summary>
    public const int ValuesPerSecond = 59;

    /// <summary>The points of second <paramref name="second"/> after <paramref name="start"/>, appended to <paramref name="into"/>.</summary>
    public static void Second(DateTimeOffset start, long second, List<TelemetryPoint> into)
    {
        var at = start.AddSeconds(second);
        var wave = Math.Sin(second / 600.0);
        for (var z = 0; z < 4; z++)
        {
            into.Add(new TelemetryPoint("zone", at, [new("zone", Zones[z])],
                [TelemetryField.Of("room_c", 20 + wave + z * 0.1), TelemetryField.Of("target_c", 21.0), TelemetryField.Of("band_k", 0.5)]));
        }

        for (var s = 0; s < 6; s++)
        {
            var power = 1500 + 1000 * wave + s;
            into.Add(new TelemetryPoint("source", at, [new("source", $"source{s}"), new("kind", s < 4 ? "miner" : "heat_pump"), new("carrier", "electricity")],
                [TelemetryField.Of("commanded_w", 1500.0), TelemetryField.Of("power_w", power), TelemetryField.Of("heat_w", power * 0.98), TelemetryField.Of("flow_c", 35 + wave)]));
        }

        for (var m = 0; m < 4; m++)
        {
            into.Add(new TelemetryPoint("miner", at, [new("miner", $"source{m}"), new("family", "braiins")],
                [TelemetryField.Of("hashrate_ths", 100 + wave), TelemetryField.Of("power_w", 3000 + 100 * wave), TelemetryField.Of("chip_temp_c", 70 + wave),
                 TelemetryField.Of("board_temp_c", 60 + wave), TelemetryField.Of("revenue_per_h", 0.2 + 0.01 * wave)]));
        }

        into.Add(new TelemetryPoint("price", at, [], [TelemetryField.Of("electricity_per_kwh", 0.25 + 0.05 * wave), TelemetryField.Of("gas_per_kwh", 0.1), TelemetryField.Of("hashprice_per_ths_day", 0.05)]));
    }

    private static readonly string[] Zones = ["living", "kitchen", "bedroom", "office"];
}
