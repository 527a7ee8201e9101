using System.Globalization;

namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>Parses the texts schedules are written in (times of day, days of the week, dates), with errors that name the key.</summary>
public static class ScheduleText
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] Weekends = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Parses <c>HH:mm</c> (<c>24:00</c> only when <paramref name="allowEndOfDay"/>) into a time since midnight.</summary>
    public static TimeSpan ParseTime(string? text, string what, bool allowEndOfDay = false)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (allowEndOfDay && trimmed == "24:00")
        {
            return TimeSpan.FromHours(24);
        }

        if (TimeOnly.TryParseExact(trimmed, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToTimeSpan();
        }

        throw new ArgumentException($"{what}: '{text}' is not a time of day; write it as HH:mm, e.g. 06:30{(allowEndOfDay ? " or 24:00" : string.Empty)}.");
    }

    /// <summary>Parses a local date written <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly ParseDate(string? text, string what) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"{what}: '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2026-12-25.");

    /// <summary>Parses one weekday (<c>mon</c>, <c>monday</c>, case-insensitive).</summary>
    public static DayOfWeek ParseDay(string? text, string what)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (trimmed.Length >= 3 && name.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        throw new ArgumentException($"{what}: '{text}' is not a weekday; write mon, tue … sun.");
    }

    /// <summary>
    /// Parses a set of days: <c>daily</c> (or <c>all</c>), <c>weekdays</c>, <c>weekends</c>, a comma list
    /// (<c>mon,wed,fri</c>) and ranges (<c>mon-fri</c>, <c>fri-mon</c> wraps over the weekend).
    /// </summary>
    public static IReadOnlySet<DayOfWeek> ParseDays(string? text, string what)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "daily" or "all" or "every day":
                    days.UnionWith(Enum.GetValues<DayOfWeek>());
                    break;
                case "weekdays":
                    days.UnionWith(Weekdays);
                    break;
                case "weekends" or "weekend":
                    days.UnionWith(Weekends);
                    break;
                default:
                    AddRange(days, part, what);
                    break;
            }
        }

        return days.Count > 0
            ? days
            : throw new ArgumentException($"{what}: no days given; write daily, weekdays, weekends, mon,wed or mon-fri.");
    }

    private static void AddRange(HashSet<DayOfWeek> days, string part, string what)
    {
        var ends = part.Split('-', StringSplitOptions.TrimEntries);
        if (ends.Length == 1)
        {
            days.Add(ParseDay(ends[0], what));
            return;
        }

        if (ends.Length != 2)
        {
            throw new ArgumentException($"{what}: '{part}' is not a day range; write mon-fri.");
        }

        var day = ParseDay(ends[0], what);
        var last = ParseDay(ends[1], what);
        days.Add(day);
        while (day != last)
        {
            day = (DayOfWeek)(((int)day + 1) % 7);
            days.Add(day);
        }
    }
}
