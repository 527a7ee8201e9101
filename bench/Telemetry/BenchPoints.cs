using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>Points shaped like the brain's own: a miner snapshot with two symbols and four fields.</summary>
internal static class BenchPoints
{
    private static readonly KeyValuePair<string, string>[][] Symbols =
        [.. Enumerable.Range(0, 10).Select(i => new KeyValuePair<string, string>[] { new("miner", $"s19-{i}"), new("family", "braiins") })];

    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static TelemetryPoint Miner(int index) => new(
        "miner",
        Start.AddMilliseconds(index),
        Symbols[index % Symbols.Length],
        [TelemetryField.Of("hashrate_ths", 104.25 + index % 13), TelemetryField.Of("power_w", 3250L + index % 7),
         TelemetryField.Of("chip_temp_c", 71.5), TelemetryField.Of("mode", "heat")]);
}
