namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>What one zone asks of its sources.</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="OnFraction">The wanted fraction of full heat, 0..1.</param>
/// <param name="Target">The zone's target, °C.</param>
/// <param name="Sources">The ids of the sources that heat it.</param>
public sealed record ZoneDemand(string ZoneId, double OnFraction, double Target, IReadOnlyList<string> Sources);
