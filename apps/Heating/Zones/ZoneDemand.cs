namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>What one zone asks of its sources.</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="OnFraction">The wanted fraction of full heat, 0..1.</param>
/// <param name="Target">The zone's target, °C.</param>
/// <param name="Sources">The ids of the sources that heat it.</param>
/// <param name="SourceWatts">
/// The optimiser's power per source, W, which replaces <paramref name="OnFraction"/> for the sources it names
/// (null when the zone is decided by TPI or a safety rule).
/// </param>
/// <param name="FlowTemperatures">The optimiser's flow temperature per running hydronic source, °C (null without a plan).</param>
public sealed record ZoneDemand(
    string ZoneId, double OnFraction, double Target, IReadOnlyList<string> Sources, IReadOnlyDictionary<string, double>? SourceWatts = null,
    IReadOnlyDictionary<string, double>? FlowTemperatures = null);
