using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>
/// A manual choice that beats the schedule until it expires: either a target temperature (HA shows preset
/// <c>none</c>) or a preset (boost always has a time-to-live).
/// </summary>
/// <param name="Target">The manual target, °C, or null when <paramref name="Preset"/> is set.</param>
/// <param name="Preset">The chosen preset, or null when <paramref name="Target"/> is set.</param>
/// <param name="ExpiresAt">When the schedule resumes, or null for "until cleared".</param>
public sealed record ZoneOverride(double? Target, HeatingPreset? Preset, DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the override is still in force at <paramref name="at"/>.</summary>
    public bool IsActiveAt(DateTimeOffset at) => ExpiresAt is not { } end || at < end;
}
