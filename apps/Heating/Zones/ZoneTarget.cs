using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>A zone's target at one instant and where it came from.</summary>
/// <param name="Temperature">The target, °C.</param>
/// <param name="Preset">The preset in force, or null for a manual target (HA shows <c>none</c>).</param>
/// <param name="Source">Why this target: the schedule, an override, or the mode being off.</param>
public readonly record struct ZoneTarget(double Temperature, HeatingPreset? Preset, ZoneTargetSource Source)
{
    /// <summary>The preset's name as HA shows it (<c>none</c> for a manual target).</summary>
    public string PresetName => Preset is { } preset ? HeatingPresetNames.Name(preset) : HeatingPresetNames.None;
}
