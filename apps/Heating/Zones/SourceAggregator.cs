using System.Globalization;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Control;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>
/// Turns the zones' demands into one command per source. A shared source gets the max (or the sum, capped at 1) of its
/// zones' fractions, delivered by <c>deliver</c> (the app's time-proportioned TPI drive of the source), then bounded by
/// its own limit and, for a miner, by the night limit. A climate source's setpoint is the warmest target among the
/// zones asking for heat. Pure apart from what <c>deliver</c> keeps.
/// </summary>
public static class SourceAggregator
{
    /// <summary>One command per source, in the order of <paramref name="sources"/>.</summary>
    /// <param name="demands">Every zone's demand.</param>
    /// <param name="sources">The sources.</param>
    /// <param name="aggregation">How shared demands combine.</param>
    /// <param name="nightCap">The miners' cap now (from <see cref="NightLimit.CapAt"/>), or null.</param>
    /// <param name="deliver">
    /// The power a source runs at now for a combined on-fraction (asked only for sources some zone drives by fraction,
    /// once per source and round): the level of its TPI cycle, between the two levels that bracket the wanted power.
    /// </param>
    public static IReadOnlyList<HeatSourceCommand> Commands(
        IReadOnlyList<ZoneDemand> demands, IReadOnlyList<HeatSourceOptions> sources, SourceAggregation aggregation, int? nightCap,
        Func<HeatSourceOptions, double, int> deliver)
    {
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(deliver);
        var commands = new List<HeatSourceCommand>(sources.Count);
        foreach (var source in sources)
        {
            var served = demands.Where(d => d.Sources.Contains(source.Id, StringComparer.Ordinal)).ToList();
            var byFraction = served.Where(d => d.SourceWatts?.ContainsKey(source.Id) != true).ToList();
            var fractions = byFraction.Select(d => Math.Clamp(double.IsNaN(d.OnFraction) ? 0 : d.OnFraction, 0, 1)).ToList();
            var fraction = fractions.Count == 0 ? 0
                : aggregation == SourceAggregation.Sum ? Math.Min(1, fractions.Sum()) : fractions.Max();
            var watts = byFraction.Count > 0 ? deliver(source, fraction) : 0;
            var planned = served.Where(d => d.SourceWatts?.ContainsKey(source.Id) == true)
                .Select(d => Math.Max(0, d.SourceWatts![source.Id])).ToList();
            if (planned.Count > 0)
            {
                watts = Planned(source, aggregation == SourceAggregation.Sum ? watts + planned.Sum() : Math.Max(watts, planned.Max()));
            }

            var reason = Describe(served, aggregation);
            if (source.MaxWatts is { } limit && watts > limit)
            {
                watts = NightLimit.Bound(source.PowerLevels, watts, limit);
                reason += string.Create(CultureInfo.InvariantCulture, $"; limit {limit} W");
            }

            if (source.IsMiner && nightCap is { } cap && watts > cap)
            {
                watts = NightLimit.Bound(source.PowerLevels, watts, cap);
                reason += string.Create(CultureInfo.InvariantCulture, $"; night limit {cap} W");
            }

            var heating = served.Where(d => d.OnFraction > 0).ToList();
            double? setpoint = heating.Count > 0 ? heating.Max(d => d.Target) : served.Count > 0 ? served.Max(d => d.Target) : null;
            // Zones sharing a water loop get the warmest flow any of them planned: enough for each.
            var flows = served.Select(d => d.FlowTemperatures?.GetValueOrDefault(source.Id)).OfType<double>().ToList();
            double? flow = watts > 0 && flows.Count > 0 ? flows.Max() : null;
            commands.Add(new HeatSourceCommand(source.Id, watts, setpoint, reason, flow));
        }

        return commands;
    }

    // A planned power is already a level the source can run at; a sum of them may not be, so it is
    // clamped to a modulating source's range or snapped to a stepped source's nearest level.
    private static int Planned(HeatSourceOptions source, double watts)
    {
        var top = source.PowerLevels.Max();
        if (watts <= 0 || top <= 0)
        {
            return 0;
        }

        if (source.Modulating && source.PowerLevels.Count > 1)
        {
            var lowest = source.PowerLevels.Where(l => l > 0).DefaultIfEmpty(top).Min();
            return (int)Math.Round(Math.Clamp(watts, lowest, top));
        }

        return PowerLevels.Nearest(source.PowerLevels, Math.Min(1, watts / top));
    }

    private static string Describe(List<ZoneDemand> served, SourceAggregation aggregation)
    {
        if (served.Count == 0)
        {
            return "no zone";
        }

        var parts = string.Join(", ", served.Select(d => d.SourceWatts is { } planned
            ? string.Create(CultureInfo.InvariantCulture, $"{d.ZoneId} plan {string.Join("/", planned.Select(p => $"{p.Key} {p.Value:F0} W"))}")
            : string.Create(CultureInfo.InvariantCulture, $"{d.ZoneId} {d.OnFraction * 100:F0}%")));
        return served.Count == 1 ? parts : $"{(aggregation == SourceAggregation.Sum ? "sum" : "max")} of {parts}";
    }
}
