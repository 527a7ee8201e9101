namespace ProofOfHeat.Control.Optimisation;

/// <summary>The present state of one source.</summary>
/// <param name="Id">The source's identifier.</param>
/// <param name="Level">Its current level, W (0 = off).</param>
/// <param name="SinceLastSwitch">Time since it last turned on or off.</param>
public sealed record SourceStatus(string Id, double Level, TimeSpan SinceLastSwitch)
{
    /// <summary>Whether it is running.</summary>
    public bool Running => Level > 0;
}
