namespace ProofOfHeat.Control.Optimisation;

/// <summary>The present state of one source.</summary>
/// <param name="Id">The source's identifier.</param>
/// <param name="Level">Its current level, W (0 = off).</param>
/// <param name="SinceLastSwitch">Time since it last turned on or off.</param>
/// <param name="SinceLastLevelChange">
/// Time since its level last changed (a start included), for <see cref="PlannerSource.LevelHold"/>; null when only
/// the last switch is known, which then stands for it.
/// </param>
public sealed record SourceStatus(string Id, double Level, TimeSpan SinceLastSwitch, TimeSpan? SinceLastLevelChange = null)
{
    /// <summary>Whether it is running.</summary>
    public bool Running => Level > 0;

    /// <summary>Time since its level last changed, or since it last switched when that is all that is known.</summary>
    public TimeSpan SinceLevelChange => SinceLastLevelChange ?? SinceLastSwitch;

    /// <summary>
    /// Whether <paramref name="source"/>'s restart hold (<see cref="PlannerSource.LevelHold"/>) keeps this running source
    /// at its level now: neither another level nor off.
    /// </summary>
    public bool LevelHeldBy(PlannerSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Running && source.LevelHold > TimeSpan.Zero && SinceLevelChange < source.LevelHold;
    }
}
