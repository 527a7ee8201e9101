using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.OutboxChild;

/// <summary>The crash test's points: one a second, each identified by its index.</summary>
public static class OutboxChildPoints
{
    private static readonly KeyValuePair<string, string>[] Symbols = [new("miner", "s19 basement"), new("family", "braiins")];

    /// <summary>Point number <paramref name="index"/> of the day starting at <paramref name="dayStart"/>.</summary>
    public static TelemetryPoint At(DateTimeOffset dayStart, int index) => new(
        "miner",
        dayStart.AddSeconds(index),
        Symbols,
        [TelemetryField.Of("index", (long)index), TelemetryField.Of("power_w", 3000.5 + index % 7), TelemetryField.Of("mode", "heat")]);
}
