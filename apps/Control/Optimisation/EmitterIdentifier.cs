namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// Learns the emitters (radiators or underfloor loops) from observed history, as a real installation can: a heat pump or
/// boiler reports the heat it puts into the water and its flow temperature. The emitters pass
/// P = UA_e · (T_flow − <see cref="PlannerOptions.EmitterMeanDrop"/> − T_room)^1.3, the same form the planner uses with
/// <see cref="PlannerOptions.EmitterConductance"/>; each steady sample gives one UA_e = P / (T_flow − drop − T_room)^1.3,
/// and the estimate is their median. Pure: no clock, no I/O.
/// </summary>
public static class EmitterIdentifier
{
    /// <summary>The radiator exponent the planner assumes.</summary>
    public const double Exponent = 1.3;

    /// <summary>
    /// Estimates UA_e, W/K^1.3, from evenly spaced <paramref name="samples"/>, or null when fewer than
    /// <paramref name="minimumUsable"/> (default 1 h, at least 5 samples) of them are usable, so that the planner keeps
    /// its assumption. A sample is usable when it has a room reading, a flow temperature and hydronic heat; the loop has
    /// been heating for at least <paramref name="settle"/> (default 10 min) before it, with the flow steady within 1 K and
    /// the heat within 15 % over that time (so the loop's warm-up and changes of flow are left out); and the emitters are
    /// at least <paramref name="minimumDifference"/> K (default 5) above the room, where a sensor's 0.1 K does not matter.
    /// </summary>
    /// <remarks>
    /// In a real loop the water settles where the emitters pass what the source makes, so every steady sample fits.
    /// A simulated plant that keeps the flow at its setpoint while the source makes less heat than the emitters could
    /// pass (PoH-Bench's does) gives such samples a value below UA_e; the median tolerates a minority of them, and
    /// PoH-Bench's warm-up (HYST, hydronic stages at full power) has the emitters as the limit.
    /// </remarks>
    public static double? Estimate(IReadOnlyList<IdentificationSample> samples, TimeSpan interval, double meanDrop = 2.5,
        TimeSpan? settle = null, double minimumDifference = 5, TimeSpan? minimumUsable = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var window = Math.Max(1, (int)Math.Ceiling((settle ?? TimeSpan.FromMinutes(10)) / interval));
        var needed = Math.Max(5, (int)Math.Ceiling((minimumUsable ?? TimeSpan.FromHours(1)) / interval));
        var values = new List<double>();
        var run = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            run = Heating(s) ? run + 1 : 0;
            if (run <= window || s.RoomTemperature is not { } room)
            {
                continue;
            }

            var difference = s.FlowTemperature!.Value - meanDrop - room;
            if (difference < minimumDifference || !Steady(samples, i - window, i))
            {
                continue;
            }

            values.Add(s.HydronicHeatWatts!.Value / Math.Pow(difference, Exponent));
        }

        if (values.Count < needed)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return double.IsFinite(median) && median > 0 ? median : null;
    }

    private static bool Heating(IdentificationSample sample) =>
        sample.FlowTemperature is { } flow && double.IsFinite(flow) && sample.HydronicHeatWatts is { } heat && double.IsFinite(heat) && heat > 0;

    private static bool Steady(IReadOnlyList<IdentificationSample> samples, int from, int to)
    {
        double flowLow = double.MaxValue, flowHigh = double.MinValue, heatLow = double.MaxValue, heatHigh = double.MinValue;
        for (var j = from; j <= to; j++)
        {
            var flow = samples[j].FlowTemperature!.Value;
            var heat = samples[j].HydronicHeatWatts!.Value;
            (flowLow, flowHigh) = (Math.Min(flowLow, flow), Math.Max(flowHigh, flow));
            (heatLow, heatHigh) = (Math.Min(heatLow, heat), Math.Max(heatHigh, heat));
        }

        return flowHigh - flowLow <= 1 && heatHigh - heatLow <= 0.15 * heatHigh;
    }
}
