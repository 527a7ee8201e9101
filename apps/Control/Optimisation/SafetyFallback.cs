namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// The safe mode used when the room sensor has been silent too long or a plan fails (in the spirit
/// of Versatile Thermostat's safety mode): no room feedback is trusted, so the sources deliver an
/// outdoor-based steady duty, the heat the identified house loses at the target temperature, from
/// the cheapest source per kWh of heat first. Without feedback it errs warm, never cold.
/// </summary>
public static class SafetyFallback
{
    /// <summary>How old a room reading may get before the controller stops trusting it.</summary>
    public static TimeSpan SensorTimeout { get; } = TimeSpan.FromMinutes(60);

    /// <summary>Whether a reading of age <paramref name="age"/> (null reading = none) calls for the safe mode.</summary>
    public static bool ShouldEngage(double? roomTemperature, TimeSpan age) => roomTemperature is null || age > SensorTimeout;

    /// <summary>The settings of the safe mode.</summary>
    /// <param name="sources">The sources.</param>
    /// <param name="heatLossCoefficient">The identified UA, W/K.</param>
    /// <param name="targetTemperature">The temperature to hold, °C.</param>
    /// <param name="outdoorTemperature">Outdoor temperature, °C.</param>
    /// <param name="slot">Prices for ranking the sources (its comfort fields are not used).</param>
    /// <param name="gasPrice">€/kWh.</param>
    /// <param name="hashprice">€ per TH/s per day.</param>
    /// <param name="options">Planner options (efficiencies, curve).</param>
    public static IReadOnlyList<SourceSetting> Settings(
        IReadOnlyList<PlannerSource> sources, double heatLossCoefficient, double targetTemperature, double outdoorTemperature,
        PlanSlot slot, double gasPrice, double hashprice, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var need = Math.Max(0, heatLossCoefficient * (targetTemperature - outdoorTemperature));
        var catalog = new MixCatalog(sources, options);
        var design = heatLossCoefficient * (options.CurveSetpoint - options.DesignOutdoorTemperature);
        var order = Enumerable.Range(0, sources.Count)
            .OrderBy(i =>
            {
                var levels = new double[sources.Count];
                levels[i] = sources[i].MaximumWatts;
                return catalog.Evaluate(levels, slot, gasPrice, hashprice, design, 1).CostEur / Math.Max(1, sources[i].MaximumWatts);
            })
            .ToList();
        var chosen = new double[sources.Count];
        var remaining = need;
        foreach (var i in order)
        {
            if (remaining <= 0)
            {
                break;
            }

            chosen[i] = LevelFor(sources[i], remaining);
            remaining -= chosen[i];
        }

        var mix = catalog.Evaluate(chosen, slot, gasPrice, hashprice, design, 1);
        return sources.Select((s, i) => new SourceSetting(s.Id, chosen[i], mix.FlowTemperatures[i])).ToArray();
    }

    private static double LevelFor(PlannerSource source, double need)
    {
        if (source.Modulating && source.Levels.Count >= 2)
        {
            return Math.Clamp(need, source.Levels[1], source.MaximumWatts);
        }

        // The smallest step that covers the need, or the top step.
        foreach (var level in source.Levels)
        {
            if (level >= need)
            {
                return level;
            }
        }

        return source.MaximumWatts;
    }
}
