namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>
/// Pausing a zone while a window is open (config <c>window:</c>): from the zone's contact sensor when it has one,
/// else (when <see cref="DetectFromSlope"/>) from a fast temperature drop, as VTherm's auto mode does. While paused
/// the zone heats only to its antifreeze temperature.
/// </summary>
public sealed class WindowOptions
{
    /// <summary>How long the contact must stay open before the zone pauses (a door walked through does not count).</summary>
    public TimeSpan ContactDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause for an open contact; after it the zone heats again until the window closes and opens anew.</summary>
    public TimeSpan ContactMaxPause { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Whether zones without a contact sensor detect windows from the temperature slope.</summary>
    public bool DetectFromSlope { get; set; } = true;

    /// <summary>A smoothed drop faster than this opens the window, K/h (VTherm's author uses 3).</summary>
    public double OpenSlope { get; set; } = 3;

    /// <summary>The window counts as closed again when the smoothed slope rises to this, K/h (VTherm: 0).</summary>
    public double CloseSlope { get; set; }

    /// <summary>
    /// Samples closer together than this are merged into one step of the slope. A report-on-change sensor's 0.1 K
    /// steps a minute apart read as 6 K/h; over 5 minutes sensor noise stays near 1 K/h while an open window still
    /// shows several K/h.
    /// </summary>
    public TimeSpan SlopeSampleInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest pause for a detected window (VTherm's author: 30 min).</summary>
    public TimeSpan SlopeMaxPause { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ContactDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ContactMaxPause, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SlopeMaxPause, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SlopeSampleInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OpenSlope);
        if (CloseSlope <= -OpenSlope)
        {
            throw new ArgumentException("window.close_slope must be above minus open_slope, or a window never closes.");
        }
    }
}
