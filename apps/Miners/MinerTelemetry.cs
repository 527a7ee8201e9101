using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners;

/// <summary>
/// Records each miner's poll results as telemetry (table <c>miner</c> of runtime/Telemetry.Store's schema): symbols
/// <c>miner</c> and <c>family</c>; fields <c>hashrate_ths</c>, <c>power_w</c>, <c>chip_temp_c</c> and
/// <c>board_temp_c</c> (the hottest), <c>mode</c> and <c>revenue_per_h</c>. Only a new reading is recorded (the fleet
/// also publishes a snapshot after each command, with the same reading); the recorder keeps each series to one point
/// a second. A miner that did not answer is recorded as its mode alone: its hashrate is unknown, not zero.
/// </summary>
internal sealed class MinerTelemetry(ITelemetryRecorder recorder)
{
    private readonly Dictionary<string, MinerReading> _recorded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Records <paramref name="snapshot"/>'s reading when it is new.</summary>
    public void Record(MinerSnapshot snapshot, double? revenuePerHour)
    {
        if (snapshot.Reading is not { } reading)
        {
            return;
        }

        lock (_gate)
        {
            if (_recorded.TryGetValue(snapshot.Id, out var last) && ReferenceEquals(last, reading))
            {
                return;
            }

            _recorded[snapshot.Id] = reading;
        }

        recorder.Record(new TelemetryPoint("miner", reading.At, [new("miner", snapshot.Id), new("family", snapshot.Family)], Fields(reading, revenuePerHour)));
    }

    private static List<TelemetryField> Fields(MinerReading reading, double? revenuePerHour)
    {
        if (reading.Status == MinerStatus.Unreachable)
        {
            return [TelemetryField.Of("mode", "unreachable")];
        }

        var fields = new List<TelemetryField>(6) { TelemetryField.Of("mode", reading.Mode ?? reading.Status.ToString().ToLowerInvariant()) };
        Add(fields, "hashrate_ths", reading.HashrateTerahash);
        Add(fields, "power_w", reading.PowerWatts);
        Add(fields, "chip_temp_c", reading.ChipTemperatures.Count > 0 ? reading.ChipTemperatures.Max() : null);
        Add(fields, "board_temp_c", reading.BoardTemperatures.Count > 0 ? reading.BoardTemperatures.Max() : null);
        // A sleeping miner earns nothing; with an unknown hashprice the revenue is unknown.
        Add(fields, "revenue_per_h", revenuePerHour ?? (reading.HashrateTerahash is 0 ? 0 : null));
        return fields;
    }

    private static void Add(List<TelemetryField> fields, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            fields.Add(TelemetryField.Of(name, number));
        }
    }
}
