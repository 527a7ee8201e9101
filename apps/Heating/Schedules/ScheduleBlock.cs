namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>
/// One block of a weekly schedule (config: <c>- days: weekdays, from: "06:30", to: "22:00", preset: comfort</c>).
/// A block whose end is not after its start runs past midnight into the next day; where blocks overlap, the later
/// one in the list wins.
/// </summary>
public sealed class ScheduleBlock
{
    /// <summary>The days: <c>daily</c>, <c>weekdays</c>, <c>weekends</c>, names (<c>mon,wed</c>) or a range (<c>mon-fri</c>).</summary>
    public string Days { get; set; } = "daily";

    /// <summary>The local start, <c>HH:mm</c>.</summary>
    public string From { get; set; } = "00:00";

    /// <summary>The local end, <c>HH:mm</c> (<c>24:00</c> is midnight at the end of the day).</summary>
    public string To { get; set; } = "24:00";

    /// <summary>The preset in force during the block.</summary>
    public string Preset { get; set; } = "comfort";
}
