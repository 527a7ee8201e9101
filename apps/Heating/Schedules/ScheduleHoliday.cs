namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>
/// A dated exception (a holiday, a trip): from <see cref="Date"/> to <see cref="Until"/> (inclusive), either one
/// preset all day or the blocks of another weekday (<c>like: sunday</c>).
/// </summary>
public sealed class ScheduleHoliday
{
    /// <summary>The first local date, <c>yyyy-MM-dd</c>.</summary>
    public string Date { get; set; } = string.Empty;

    /// <summary>The last local date (inclusive), or null for one day.</summary>
    public string? Until { get; set; }

    /// <summary>The preset for the whole day, or null when <see cref="Like"/> is set.</summary>
    public string? Preset { get; set; }

    /// <summary>A weekday whose blocks apply instead (<c>sunday</c>, <c>sun</c>), or null.</summary>
    public string? Like { get; set; }
}
