namespace ProofOfHeat.Notify.Options;

/// <summary>A daily span of local time in which info and warning alerts wait (critical ones never do).</summary>
/// <param name="Start">When quiet begins, local time.</param>
/// <param name="End">When it ends; before <paramref name="Start"/> means the span crosses midnight.</param>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether <paramref name="localTime"/> falls in the span.</summary>
    public bool Contains(TimeOnly localTime) => Start <= End
        ? localTime >= Start && localTime < End
        : localTime >= Start || localTime < End;

    /// <summary>The next end of the span after <paramref name="localNow"/> (a local date and time).</summary>
    public DateTime NextEnd(DateTime localNow)
    {
        var end = localNow.Date + End.ToTimeSpan();
        return end > localNow ? end : end.AddDays(1);
    }
}
