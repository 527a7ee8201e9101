using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>Pure: a zone's target at an instant from its settings and the active profile. Off keeps frost protection.</summary>
public static class ZoneTargetResolver
{
    /// <summary>The target at <paramref name="at"/>.</summary>
    /// <param name="settings">The zone's mode and override.</param>
    /// <param name="profile">The active profile's temperatures.</param>
    /// <param name="schedule">The active profile's compiled schedule.</param>
    /// <param name="at">The instant.</param>
    /// <param name="zone">The home's time zone (schedules are wall-clock times).</param>
    public static ZoneTarget Resolve(ZoneSettings settings, HeatingProfile profile, WeeklySchedule schedule, DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(schedule);
        if (settings.Mode == ZoneMode.Off)
        {
            return new ZoneTarget(profile.Presets.Antifreeze, HeatingPreset.Antifreeze, ZoneTargetSource.Off);
        }

        if (settings.Override is { } manual && manual.IsActiveAt(at))
        {
            return manual.Target is { } target
                ? new ZoneTarget(target, null, ZoneTargetSource.Override)
                : new ZoneTarget(profile.Presets.For(manual.Preset!.Value), manual.Preset, ZoneTargetSource.Override);
        }

        var preset = schedule.PresetAt(at, zone);
        return new ZoneTarget(profile.Presets.For(preset), preset, ZoneTargetSource.Schedule);
    }
}
