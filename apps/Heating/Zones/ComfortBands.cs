using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>
/// Pure: a zone's comfort band per slot over the planning horizon (by default 36 h of 15-minute slots), from the
/// schedule, the override (until it expires) and the mode. Slots start on whole multiples of the slot length in UTC,
/// which are whole local quarter-hours in every time zone in use; each slot takes the preset in force at its start.
/// </summary>
public static class ComfortBands
{
    /// <summary>The default slot, the tariff's 15 minutes.</summary>
    public static readonly TimeSpan DefaultSlot = TimeSpan.FromMinutes(15);

    /// <summary>The default horizon, 36 h (day-ahead prices reach at most 35 h ahead).</summary>
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromHours(36);

    /// <summary>Builds the band.</summary>
    /// <param name="settings">The zone's mode and override.</param>
    /// <param name="profile">The active profile.</param>
    /// <param name="schedule">Its compiled schedule.</param>
    /// <param name="from">Now; the first slot is the one containing it.</param>
    /// <param name="zone">The home's time zone.</param>
    /// <param name="bandWidth">How far above the target the band reaches, K.</param>
    /// <param name="horizon">How far ahead; <see cref="DefaultHorizon"/> when null.</param>
    /// <param name="slot">The slot length; <see cref="DefaultSlot"/> when null.</param>
    public static IReadOnlyList<ComfortSlot> Build(
        ZoneSettings settings,
        HeatingProfile profile,
        WeeklySchedule schedule,
        DateTimeOffset from,
        TimeZoneInfo zone,
        double bandWidth,
        TimeSpan? horizon = null,
        TimeSpan? slot = null)
    {
        var length = slot ?? DefaultSlot;
        var span = horizon ?? DefaultHorizon;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(span, length);
        ArgumentOutOfRangeException.ThrowIfNegative(bandWidth);
        var start = Floor(from, length);
        var count = (int)Math.Ceiling(span / length);
        var slots = new List<ComfortSlot>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start + (length * i);
            var target = ZoneTargetResolver.Resolve(settings, profile, schedule, at, zone);
            slots.Add(new ComfortSlot(at, length, target.Preset, target.Temperature, target.Temperature + bandWidth));
        }

        return slots;
    }

    /// <summary>The start of the slot that contains <paramref name="at"/> (as UTC).</summary>
    public static DateTimeOffset Floor(DateTimeOffset at, TimeSpan slot)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % slot.Ticks), TimeSpan.Zero);
    }
}
