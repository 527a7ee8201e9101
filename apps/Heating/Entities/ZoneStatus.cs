using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Entities;

/// <summary>What a zone's climate entity shows.</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="Mode">Heat or off.</param>
/// <param name="Preset">The preset's name, or <c>none</c> for a manual target.</param>
/// <param name="Target">The target, °C.</param>
/// <param name="Current">The room temperature, °C, or null when unknown.</param>
/// <param name="Action"><c>heating</c>, <c>idle</c> or <c>off</c>.</param>
public sealed record ZoneStatus(string ZoneId, ZoneMode Mode, string Preset, double Target, double? Current, string Action);
