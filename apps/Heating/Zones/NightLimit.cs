using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>Pure: the quiet-hours cap on miners, compiled from <see cref="NightLimitOptions"/>.</summary>
public sealed class NightLimit
{
    private readonly int? _maxWatts;
    private readonly TimeSpan _from;
    private readonly TimeSpan _to;

    /// <summary>Compiles (and so validates) the options.</summary>
    public NightLimit(NightLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxMinerWatts is < 0)
        {
            throw new ArgumentException("night_limit.max_miner_watts cannot be negative.");
        }

        _maxWatts = options.MaxMinerWatts;
        _from = ScheduleText.ParseTime(options.From, "night_limit.from");
        _to = ScheduleText.ParseTime(options.To, "night_limit.to", allowEndOfDay: true);
    }

    /// <summary>The cap at local time <paramref name="localTime"/>, or null outside the quiet hours (or with no limit).</summary>
    public int? CapAt(TimeSpan localTime)
    {
        if (_maxWatts is not { } max)
        {
            return null;
        }

        var inside = _from < _to
            ? localTime >= _from && localTime < _to
            : localTime >= _from || localTime < _to;
        return inside ? max : null;
    }

    /// <summary>
    /// Bounds <paramref name="watts"/> to <paramref name="cap"/>: the highest level at or below it (the lowest level
    /// when every level is above it), so the source never runs louder than allowed.
    /// </summary>
    public static int Bound(IReadOnlyList<int> levels, int watts, int cap)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (watts <= cap)
        {
            return watts;
        }

        var allowed = levels.Where(l => l <= cap).ToList();
        return allowed.Count > 0 ? allowed.Max() : levels.Min();
    }
}
